/* frame.h - the parts of the wizard's frame (frame.c) that other
 * full-screen drivers share: the key bar drawn from the keymap, the "please
 * enlarge" notice of a too small terminal, and the connection string with
 * its password hidden. */
#ifndef WFO_UI_FRAME_H
#define WFO_UI_FRAME_H

/* The hints of keymap context ctx that fit in cols, help and quit always. */
void frame_key_bar(unsigned ctx, int y, int cols);
/* Clears the screen and asks for a bigger terminal. */
void frame_too_small(void);
/* scheme://user:password@host -> scheme://user:***@host (heap); NULL gives
 * "(default connection)". */
char *frame_hide_password(const char *uri);

#endif
