package dev.assistants4j.autoconfigure;

import dev.assistants4j.client.AssistantsClient;

/**
 * Callback that customizes the {@link AssistantsClient.Builder} of the auto-configured client. Customizers are
 * applied after the {@code openai.assistants.*} properties, in the order of their {@code @Order} or
 * {@link org.springframework.core.Ordered}, so they can override any property.
 */
@FunctionalInterface
public interface AssistantsClientCustomizer {

	/**
	 * Customizes the builder.
	 * @param builder the builder of the auto-configured client
	 */
	void customize(AssistantsClient.Builder builder);

}
