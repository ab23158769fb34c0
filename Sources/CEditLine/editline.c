#include "CEditLine.h"
#include <dlfcn.h>
#include <langinfo.h>
#include <stddef.h>
#include <stdlib.h>

static struct {
    int loaded;
    int (*rl_initialize)(void);
    char *(*readline)(const char *);
    int (*add_history)(const char *);
    void (*clear_history)(void);
    void (*stifle_history)(int);
    int (*read_history)(const char *);
    int (*history_truncate_file)(const char *, int);
    void (*rl_resize_terminal)(void);
    char **(*rl_completion_matches)(const char *, kompas_rl_compentry_func_t *);
    const char **rl_readline_name;
    const char **rl_basic_word_break_characters;
    kompas_rl_completion_func_t **rl_attempted_completion_function;
    int *rl_catch_signals;
    char **rl_line_buffer;
    int *rl_attempted_completion_over;
    int *rl_completion_append_character;
} table;

int kompas_editline_load(void) {
    if (table.loaded) return table.loaded == 1;
    // RAADSKOMPAS_LIBEDIT names another file (a libedit outside the usual folders; the tests use it
    // to try a machine without one).
    const char *chosen = getenv("RAADSKOMPAS_LIBEDIT");
    void *library = dlopen(chosen && *chosen ? chosen : "libedit.so.2", RTLD_NOW | RTLD_GLOBAL);
    if (!library && !(chosen && *chosen)) library = dlopen("libedit.so", RTLD_NOW | RTLD_GLOBAL);
    if (!library) { table.loaded = -1; return 0; }
#define KOMPAS_FIND(name) table.name = (__typeof__(table.name))dlsym(library, #name); if (!table.name) { table.loaded = -1; return 0; }
    KOMPAS_FIND(rl_initialize)
    KOMPAS_FIND(readline)
    KOMPAS_FIND(add_history)
    KOMPAS_FIND(clear_history)
    KOMPAS_FIND(stifle_history)
    KOMPAS_FIND(read_history)
    KOMPAS_FIND(history_truncate_file)
    KOMPAS_FIND(rl_resize_terminal)
    KOMPAS_FIND(rl_completion_matches)
    KOMPAS_FIND(rl_readline_name)
    KOMPAS_FIND(rl_basic_word_break_characters)
    KOMPAS_FIND(rl_attempted_completion_function)
    KOMPAS_FIND(rl_catch_signals)
    KOMPAS_FIND(rl_line_buffer)
    KOMPAS_FIND(rl_attempted_completion_over)
    KOMPAS_FIND(rl_completion_append_character)
#undef KOMPAS_FIND
    table.loaded = 1;
    return 1;
}

void kompas_editline_configure(const char *name, const char *word_breaks, kompas_rl_completion_func_t *complete) {
    *table.rl_readline_name = name;
    *table.rl_basic_word_break_characters = word_breaks;
    *table.rl_attempted_completion_function = complete;
}

int kompas_rl_initialize(void) { return table.rl_initialize(); }
char *kompas_readline(const char *prompt) { return table.readline(prompt); }
int kompas_add_history(const char *line) { return table.add_history(line); }
void kompas_clear_history(void) { table.clear_history(); }
void kompas_stifle_history(int limit) { table.stifle_history(limit); }
int kompas_read_history(const char *path) { return table.read_history(path); }
int kompas_history_truncate_file(const char *path, int limit) { return table.history_truncate_file(path, limit); }
void kompas_rl_resize_terminal(void) { table.rl_resize_terminal(); }
char **kompas_rl_completion_matches(const char *text, kompas_rl_compentry_func_t *generate) {
    return table.rl_completion_matches(text, generate);
}

void kompas_editline_disable_signal_handling(void) { *table.rl_catch_signals = 0; }
const char *kompas_editline_line_buffer(void) { return *table.rl_line_buffer; }
void kompas_editline_set_completion_over(int over) { *table.rl_attempted_completion_over = over; }
void kompas_editline_set_append_character(int character) { *table.rl_completion_append_character = character; }

const char *kompas_langinfo_codeset(void) { return nl_langinfo(CODESET); }
