/* list.c - virtual list movement (see list.h). */
#include "config.h"
#include "list.h"

void list_fix(struct ui_list *l)
{
	size_t h = l->height > 0 ? (size_t)l->height : 1;
	if (l->n == 0) {
		l->sel = l->top = 0;
		return;
	}
	if (l->sel >= l->n)
		l->sel = l->n - 1;
	if (l->top > l->sel)
		l->top = l->sel;
	if (l->sel >= l->top + h)
		l->top = l->sel - h + 1;
	if (l->top + h > l->n)
		l->top = l->n > h ? l->n - h : 0;
}

bool list_move(struct ui_list *l, enum ui_action a)
{
	size_t page = l->height > 1 ? (size_t)l->height - 1 : 1;
	switch (a) {
	case UA_UP:
		if (l->sel)
			l->sel--;
		break;
	case UA_DOWN:
		if (l->sel + 1 < l->n)
			l->sel++;
		break;
	case UA_PGUP:
		l->sel = l->sel > page ? l->sel - page : 0;
		l->top = l->top > page ? l->top - page : 0;
		break;
	case UA_PGDN:
		l->sel = l->sel + page < l->n ? l->sel + page : (l->n ? l->n - 1 : 0);
		l->top += page;
		break;
	case UA_HOME:
		l->sel = l->top = 0;
		break;
	case UA_END:
		l->sel = l->n ? l->n - 1 : 0;
		break;
	default:
		return false;
	}
	list_fix(l);
	return true;
}
