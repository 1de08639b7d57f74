import type Database from 'better-sqlite3';

/** One numbered step of the schema. Never edit one that has shipped: add the next. */
export interface Migration {
  version: number;
  name: string;
  up: (db: Database.Database, now: number) => void;
}
