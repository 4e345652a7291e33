/**
 * Wire model of files: uploaded files, their purposes, uploads and list parameters.
 */
@NullMarked
package dev.assistants4j.model.file;

import org.jspecify.annotations.NullMarked;
