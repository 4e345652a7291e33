package dev.assistants4j.emulator.autoconfigure;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

import dev.assistants4j.autoconfigure.AssistantsAutoConfiguration;
import dev.assistants4j.autoconfigure.AssistantsClientCustomizer;
import dev.assistants4j.emulator.AssistantsEmulator;
import dev.assistants4j.emulator.responder.DefaultResponder;
import dev.assistants4j.emulator.responder.Responder;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} of an embedded
 * {@link AssistantsEmulator}, when {@code openai.assistants.emulator.enabled} is true: the emulator is started
 * as a bean, answering with the application's {@link Responder} bean if it has one, and stopped with the
 * context; the auto-configured client is pointed at it, its base URL and token replacing the configured
 * ones. {@link AssistantsEmulatorEnvironmentPostProcessor} sets {@code openai.assistants.token} when it is not
 * set, so that the client is auto-configured at all.
 */
@AutoConfiguration(before = AssistantsAutoConfiguration.class)
@ConditionalOnBooleanProperty(AssistantsEmulatorProperties.PREFIX + ".enabled")
@EnableConfigurationProperties(AssistantsEmulatorProperties.class)
public final class AssistantsEmulatorAutoConfiguration {

	@Bean(destroyMethod = "stop")
	@ConditionalOnMissingBean
	AssistantsEmulator assistantsEmulator(AssistantsEmulatorProperties properties,
			ObjectProvider<Responder> responder) {
		return AssistantsEmulator.builder()
			.port(properties.getPort())
			.token(properties.getToken())
			.stepDelay(properties.getStepDelay())
			.chunkDelay(properties.getChunkDelay())
			.responder(responder.getIfAvailable(DefaultResponder::new))
			.build()
			.start();
	}

	// Right after the connector customizer, so that the application's own customizers still come after.
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE + 1)
	AssistantsClientCustomizer assistantsEmulatorClientCustomizer(AssistantsEmulator emulator) {
		return (builder) -> builder.baseUrl(emulator.baseUrl()).token(emulator.token());
	}

}
