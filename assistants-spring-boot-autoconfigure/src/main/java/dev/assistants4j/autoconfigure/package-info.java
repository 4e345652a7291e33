/**
 * Spring Boot auto-configuration of an {@link dev.assistants4j.client.AssistantsClient} from the
 * {@code openai.assistants.*} properties.
 */
@NullMarked
package dev.assistants4j.autoconfigure;

import org.jspecify.annotations.NullMarked;
