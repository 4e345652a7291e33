package dev.assistants4j.autoconfigure;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.assistants4j.client.AssistantsClient;
import dev.assistants4j.client.observation.AssistantsObservationContext;
import dev.assistants4j.client.observation.DefaultAssistantsObservationConvention;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.springframework.core.env.StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME;

/**
 * The client bean observes its operations in the application's {@link ObservationRegistry}, with the
 * application's convention when it has one.
 */
class AssistantsObservationAutoConfigurationTests {

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withInitializer((context) -> context.getEnvironment()
			.getPropertySources()
			.remove(SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME))
		.withConfiguration(AutoConfigurations.of(WebClientAutoConfiguration.class, AssistantsAutoConfiguration.class))
		.withPropertyValues("openai.assistants.token=sk-test",
				"openai.assistants.base-url=" + server.baseUrl() + "/v1")
		.withUserConfiguration(RegistryConfiguration.class);

	@BeforeEach
	void stubAssistant() {
		server.stubFor(get(urlPathEqualTo("/v1/assistants/asst_1")).willReturn(okJson("""
				{"id":"asst_1","object":"assistant"}""")));
	}

	@Test
	void observesOperationsInTheApplicationsRegistry() {
		this.contextRunner.run((context) -> {
			context.getBean(AssistantsClient.class).assistants().retrieve("asst_1").block();
			assertThat(context.getBean(TestObservationRegistry.class))
				.hasObservationWithNameEqualTo(DefaultAssistantsObservationConvention.NAME)
				.that()
				.hasLowCardinalityKeyValue("operation", "assistants.retrieve")
				.hasLowCardinalityKeyValue("uri", "/assistants/{assistant_id}");
		});
	}

	@Test
	void usesTheApplicationsObservationConvention() {
		this.contextRunner.withUserConfiguration(ConventionConfiguration.class).run((context) -> {
			context.getBean(AssistantsClient.class).assistants().retrieve("asst_1").block();
			assertThat(context.getBean(TestObservationRegistry.class))
				.hasObservationWithNameEqualTo(DefaultAssistantsObservationConvention.NAME)
				.that()
				.hasLowCardinalityKeyValue("tenant", "acme");
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class RegistryConfiguration {

		@Bean
		TestObservationRegistry observationRegistry() {
			return TestObservationRegistry.create();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ConventionConfiguration {

		@Bean
		DefaultAssistantsObservationConvention tenantConvention() {
			return new DefaultAssistantsObservationConvention() {

				@Override
				public KeyValues getLowCardinalityKeyValues(AssistantsObservationContext context) {
					return super.getLowCardinalityKeyValues(context).and("tenant", "acme");
				}

			};
		}

	}

}
