# src/engine.mk - diff, questions/answers, change set, SQL generation, migrate-domain-models.
src_libwfo_a_SOURCES += src/diff.c src/diff.h src/plan.c src/plan.h \
	src/answers.c src/answers.h src/sqlgen.c src/sqlgen.h
