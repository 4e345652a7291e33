/**
 * Function calling: the {@link dev.assistants4j.tool.ToolCallHandler} that answers the function calls of a
 * run.
 */
@NullMarked
package dev.assistants4j.tool;

import org.jspecify.annotations.NullMarked;
