package dev.assistants4j.autoconfigure;

import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;
import org.springframework.util.unit.DataSize;

import dev.assistants4j.client.AssistantsClient;

/**
 * Applies {@link AssistantsProperties} to an {@link AssistantsClient.Builder}. The builder alone judges what
 * is valid; a value it rejects becomes an {@link InvalidAssistantsPropertyException} that names the property,
 * so start-up fails in the terms of the configuration rather than of the builder.
 */
final class PropertiesAssistantsClientCustomizer implements AssistantsClientCustomizer {

	private static final String PREFIX = "openai.assistants.";

	private static final String POSITIVE_DURATION = "must be a positive duration, such as 500ms or 10s";

	private final AssistantsProperties properties;

	PropertiesAssistantsClientCustomizer(AssistantsProperties properties) {
		this.properties = properties;
	}

	@Override
	public void customize(AssistantsClient.Builder builder) {
		AssistantsProperties.Retry retry = this.properties.getRetry();
		AssistantsProperties.Poll poll = this.properties.getPoll();
		set("token", this.properties.getToken(), builder::token, "must not be blank", "Set '" + PREFIX
				+ "token' to your API token, or remove it (and any OPENAI_ASSISTANTS_TOKEN environment variable) "
				+ "to start without an AssistantsClient.");
		set("base-url", this.properties.getBaseUrl(), builder::baseUrl, "must be an absolute http or https URL "
				+ "with a host and without a query, fragment or credentials, such as https://api.openai.com/v1");
		set("auth-header", this.properties.getAuthHeader(), builder::authHeader, "must be bearer or api-key");
		builder.betaHeader(this.properties.getBetaHeader());
		builder.organization(this.properties.getOrganization());
		builder.project(this.properties.getProject());
		this.properties.getHeaders().forEach(builder::defaultHeader);
		this.properties.getQueryParams().forEach(builder::defaultQueryParam);
		set("connect-timeout", this.properties.getConnectTimeout(), builder::connectTimeout, POSITIVE_DURATION);
		set("response-timeout", this.properties.getResponseTimeout(), builder::responseTimeout, POSITIVE_DURATION);
		set("stream-idle-timeout", this.properties.getStreamIdleTimeout(), builder::streamIdleTimeout,
				POSITIVE_DURATION);
		set("max-in-memory-size", this.properties.getMaxInMemorySize(),
				(size) -> builder.maxInMemorySize(bytes(size)), "must be a positive size below 2GB, such as 16MB");
		set("retry.max-retries", retry.getMaxRetries(), builder::maxRetries, "must be zero or more");
		set("retry.initial-backoff", retry.getInitialBackoff(), builder::initialBackoff, POSITIVE_DURATION);
		set("retry.max-backoff", retry.getMaxBackoff(), builder::maxBackoff, POSITIVE_DURATION);
		set("retry.max-retry-after", retry.getMaxRetryAfter(), builder::maxRetryAfter,
				"must be zero or a positive duration, such as 120s");
		set("poll.interval", poll.getInterval(), builder::pollInterval, POSITIVE_DURATION);
		set("poll.timeout", poll.getTimeout(), builder::pollTimeout, POSITIVE_DURATION);
	}

	private static <T> void set(String name, @Nullable T value, Consumer<T> setter, String reason) {
		set(name, value, setter, reason,
				"Change '" + PREFIX + name + "' in your configuration, or remove it to use the default.");
	}

	private static <T> void set(String name, @Nullable T value, Consumer<T> setter, String reason, String action) {
		try {
			// Binding never sets null, but code calling the setters may: as unusable as a value the builder rejects.
			Assert.notNull(value, "value must not be null");
			setter.accept(value);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidAssistantsPropertyException(PREFIX + name, reason, action, ex);
		}
	}

	private static int bytes(DataSize size) {
		long bytes = size.toBytes();
		// A cast alone would turn -3GB into a positive size.
		Assert.isTrue(bytes == (int) bytes, "the size must fit in an int");
		return (int) bytes;
	}

}
