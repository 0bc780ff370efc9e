# src/engine.mk - diff, questions/answers, change set, SQL generation, migrate-domain-models.
