#ifndef RAADSKOMPAS_CEDITLINE_H
#define RAADSKOMPAS_CEDITLINE_H

// libedit is loaded when the shell starts (dlopen), not linked: linked, it and the libraries it
// needs (libtinfo, libbsd, libmd) were loaded at every start of `raadskompas`, also for
// `raadskompas -c …` and scripts, which never edit a line (about 0.4 ms of a 5 ms run). It also
// lets `-c` and scripts work on a machine without libedit.
//
// Only the readline-compatible functions and variables the shell uses are looked up (editline.c).
// Their types are libedit's (editline/readline.h), written out so that nothing refers to libedit's
// symbols at link time.

typedef char *kompas_rl_compentry_func_t(const char *, int);
typedef char **kompas_rl_completion_func_t(const char *, int, int);

/// Loads libedit once (`RAADSKOMPAS_LIBEDIT` names another file); 1 when every function and
/// variable was found, else 0. The other functions may be called only after it returned 1.
int kompas_editline_load(void);

void kompas_editline_configure(const char *name, const char *word_breaks, kompas_rl_completion_func_t *complete);
int kompas_rl_initialize(void);
char *kompas_readline(const char *prompt);
int kompas_add_history(const char *line);
void kompas_clear_history(void);
void kompas_stifle_history(int limit);
int kompas_read_history(const char *path);
int kompas_history_truncate_file(const char *path, int limit);
void kompas_rl_resize_terminal(void);
char **kompas_rl_completion_matches(const char *text, kompas_rl_compentry_func_t *generate);

// libedit's readline interface keeps its settings in global variables. Swift 6 treats imported
// mutable globals as unsafe shared state, so the shell reaches them through these functions only.
void kompas_editline_disable_signal_handling(void);
const char *kompas_editline_line_buffer(void);
void kompas_editline_set_completion_over(int over);
// What is added after a single completion: ' ' after a word, nothing after a path (the candidate
// itself ends in `/` for a folder or in the closing quote for a file).
void kompas_editline_set_append_character(int character);

const char *kompas_langinfo_codeset(void);

#endif
