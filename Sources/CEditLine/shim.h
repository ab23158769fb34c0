#ifndef RAADSKOMPAS_CEDITLINE_SHIM_H
#define RAADSKOMPAS_CEDITLINE_SHIM_H
#include <stdio.h>
#include <editline/readline.h>
#endif
