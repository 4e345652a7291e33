/**
 * Spring Boot auto-configuration of an embedded emulator, started when
 * {@code openai.assistants.emulator.enabled} is true, with the auto-configured client pointed at it.
 */
@NullMarked
package dev.assistants4j.emulator.autoconfigure;

import org.jspecify.annotations.NullMarked;
