package dev.assistants4j.autoconfigure;

import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.http.client.reactive.ReactorClientHttpConnectorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.reactive.function.client.WebClient;

import dev.assistants4j.client.AssistantsClient;
import dev.assistants4j.client.AssistantsHttpClients;
import dev.assistants4j.client.observation.AssistantsObservationConvention;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} of an
 * {@link AssistantsClient}, when {@code openai.assistants.token} is set. The client starts from a copy of
 * Boot's {@link WebClient.Builder} when there is one (observations, the application's
 * {@code WebClientCustomizer}s), observes its operations in the application's {@link ObservationRegistry}
 * (with its {@link AssistantsObservationConvention} bean, if any), takes the {@code openai.assistants.*}
 * properties, then every
 * {@link AssistantsClientCustomizer} in order. When Boot's reactive HTTP client support is present, the HTTP
 * connector comes from its {@link ClientHttpConnectorBuilder} with the {@code spring.http.clients.*} settings
 * (SSL bundle, redirects) and this client's own connect and response timeouts.
 */
// By name: spring-boot-webclient is optional, and a class literal would break loading without it.
@AutoConfiguration(afterName = "org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration")
@ConditionalOnProperty(prefix = "openai.assistants", name = "token")
@EnableConfigurationProperties(AssistantsProperties.class)
public final class AssistantsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	AssistantsClient assistantsClient(AssistantsProperties properties,
			ObjectProvider<WebClient.Builder> webClientBuilder,
			ObjectProvider<AssistantsClientCustomizer> customizers, ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<AssistantsObservationConvention> observationConvention) {
		AssistantsClient.Builder builder = AssistantsClient.builder();
		// The client clones the builder when it is built, so Boot's builder is never changed.
		webClientBuilder.ifAvailable(builder::webClientBuilder);
		observationRegistry.ifUnique(builder::observationRegistry);
		observationConvention.ifUnique(builder::observationConvention);
		new PropertiesAssistantsClientCustomizer(properties).customize(builder);
		customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
		return builder.build();
	}

	/**
	 * Masks the token in the actuator's {@code configprops} and {@code env} endpoints, even where the
	 * application shows their values.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.SanitizingFunction")
	static class ActuatorSanitizingConfiguration {

		@Bean
		AssistantsSecretSanitizingFunction assistantsSecretSanitizingFunction(AssistantsProperties properties) {
			return new AssistantsSecretSanitizingFunction(properties);
		}

	}

	/**
	 * Builds the connector from Boot's HTTP client support, so that {@code spring.http.clients.*} applies.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(ClientHttpConnectorBuilder.class)
	static class BootHttpConnectorConfiguration {

		// First of all customizers: one of the application's own may still choose another connector.
		@Bean
		@Order(Ordered.HIGHEST_PRECEDENCE)
		AssistantsClientCustomizer assistantsClientHttpConnectorCustomizer(AssistantsProperties properties,
				ObjectProvider<ClientHttpConnectorBuilder<?>> connectorBuilder,
				ObjectProvider<HttpClientSettings> httpClientSettings) {
			return (builder) -> connectorBuilder.ifAvailable((connectors) -> {
				HttpClientSettings settings = httpClientSettings.getIfAvailable(HttpClientSettings::defaults);
				if (connectors instanceof ReactorClientHttpConnectorBuilder reactor) {
					// The client times each response with one timer per connection; a client-wide response
					// timeout would add Reactor Netty's handler to every request on top of it.
					builder.clientConnector(reactor.withHttpClientCustomizer(AssistantsHttpClients::withResponseTimer)
						.build(settings.withTimeouts(properties.getConnectTimeout(), null)));
				}
				else {
					builder.clientConnector(connectors
						.build(settings.withTimeouts(properties.getConnectTimeout(), properties.getResponseTimeout())));
				}
			});
		}

	}

}
