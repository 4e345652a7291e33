/**
 * The reactive Assistants API client: its entry point {@link dev.assistants4j.client.AssistantsClient}, the
 * operations of each resource, and the exceptions it signals.
 */
@NullMarked
package dev.assistants4j.client;

import org.jspecify.annotations.NullMarked;
