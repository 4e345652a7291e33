/**
 * Wire model of run steps: the step object, its details (a message it created or the tool calls it made), the
 * deltas a streamed run sends of them, and the parameters of a list of steps.
 */
@NullMarked
package dev.assistants4j.model.runstep;

import org.jspecify.annotations.NullMarked;
