/**
 * What an emulated run answers: the {@link dev.assistants4j.emulator.responder.Responder} SPI, the
 * deterministic {@link dev.assistants4j.emulator.responder.DefaultResponder} and the
 * {@link dev.assistants4j.emulator.responder.ScriptedResponder} for tests.
 */
@NullMarked
package dev.assistants4j.emulator.responder;

import org.jspecify.annotations.NullMarked;
