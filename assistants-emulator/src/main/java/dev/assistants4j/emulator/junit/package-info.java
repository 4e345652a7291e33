/**
 * The JUnit Jupiter extension that runs an emulator for a test class:
 * {@link dev.assistants4j.emulator.junit.AssistantsEmulatorExtension}.
 */
@NullMarked
package dev.assistants4j.emulator.junit;

import org.jspecify.annotations.NullMarked;
