/**
 * An in-memory server of the OpenAI Assistants API v2 for tests and offline applications:
 * {@link dev.assistants4j.emulator.AssistantsEmulator}.
 */
@NullMarked
package dev.assistants4j.emulator;

import org.jspecify.annotations.NullMarked;
