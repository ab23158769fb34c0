#ifndef RAADSKOMPAS_CEDITLINE_SHIM_H
#define RAADSKOMPAS_CEDITLINE_SHIM_H
#include <stdio.h>
#include <langinfo.h>
#include <editline/readline.h>

// libedit's readline interface keeps its settings in global variables. Swift 6 treats imported
// mutable globals as unsafe shared state, so the shell reaches them through these functions only.

static inline void kompas_editline_configure(const char *name, const char *word_breaks,
                                             rl_completion_func_t *complete) {
    rl_readline_name = name;
    rl_basic_word_break_characters = word_breaks;
    rl_attempted_completion_function = complete;
}

static inline void kompas_editline_disable_signal_handling(void) {
    rl_catch_signals = 0;
}

static inline const char *kompas_editline_line_buffer(void) {
    return rl_line_buffer;
}

static inline void kompas_editline_set_completion_over(int over) {
    rl_attempted_completion_over = over;
}

// What is added after a single completion: ' ' after a word, nothing after a path (the candidate
// itself ends in `/` for a folder or in the closing quote for a file).
static inline void kompas_editline_set_append_character(int character) {
    rl_completion_append_character = character;
}

static inline const char *kompas_langinfo_codeset(void) {
    return nl_langinfo(CODESET);
}

#endif
