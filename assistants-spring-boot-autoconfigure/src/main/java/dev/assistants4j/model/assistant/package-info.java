/**
 * Wire model of assistants: the assistant object, its requests and its response formats.
 */
@NullMarked
package dev.assistants4j.model.assistant;

import org.jspecify.annotations.NullMarked;
