/**
 * Revisions written as SQL files with Flyway's names ({@code V1.2__add_x.sql}, its undo
 * {@code U1.2__add_x.sql}), found on the classpath or the file system and joined to the same
 * revision graph as Java revisions: a versioned file becomes revision {@code V<version>} and
 * revises the file of the version before it (or the revision named in a
 * {@code -- revises: <id>} line at its top), so a Java revision can revise {@code "V1.2"} and a
 * SQL file can follow a Java revision.
 */
package dev.migration.core.sql;
