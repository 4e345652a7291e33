/**
 * Tools of assistants and runs (code interpreter, file search, functions) and the resources they use.
 */
@NullMarked
package dev.assistants4j.model.tool;

import org.jspecify.annotations.NullMarked;
