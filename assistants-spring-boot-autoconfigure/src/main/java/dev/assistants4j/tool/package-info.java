/**
 * Function calling: the {@link dev.assistants4j.tool.ToolCallHandler} that answers the function calls of a
 * run, and the {@link dev.assistants4j.tool.AssistantFunction}s that a Spring application declares as beans.
 */
@NullMarked
package dev.assistants4j.tool;

import org.jspecify.annotations.NullMarked;
