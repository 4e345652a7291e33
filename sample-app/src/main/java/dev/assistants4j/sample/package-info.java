/**
 * A runnable application using the auto-configured {@link dev.assistants4j.client.AssistantsClient}.
 */
@NullMarked
package dev.assistants4j.sample;

import org.jspecify.annotations.NullMarked;
