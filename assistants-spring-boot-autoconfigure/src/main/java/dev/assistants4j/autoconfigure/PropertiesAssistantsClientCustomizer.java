package dev.assistants4j.autoconfigure;

import org.springframework.util.Assert;
import org.springframework.util.unit.DataSize;

import dev.assistants4j.client.AssistantsClient;

/**
 * Applies {@link AssistantsProperties} to an {@link AssistantsClient.Builder}, which judges every value.
 */
final class PropertiesAssistantsClientCustomizer implements AssistantsClientCustomizer {

	private final AssistantsProperties properties;

	PropertiesAssistantsClientCustomizer(AssistantsProperties properties) {
		this.properties = properties;
	}

	@Override
	public void customize(AssistantsClient.Builder builder) {
		AssistantsProperties.Retry retry = this.properties.getRetry();
		AssistantsProperties.Poll poll = this.properties.getPoll();
		builder.token((this.properties.getToken() != null) ? this.properties.getToken() : "");
		builder.baseUrl(this.properties.getBaseUrl());
		builder.authHeader(this.properties.getAuthHeader());
		builder.betaHeader(this.properties.getBetaHeader());
		builder.organization(this.properties.getOrganization());
		builder.project(this.properties.getProject());
		this.properties.getHeaders().forEach(builder::defaultHeader);
		this.properties.getQueryParams().forEach(builder::defaultQueryParam);
		builder.connectTimeout(this.properties.getConnectTimeout());
		builder.responseTimeout(this.properties.getResponseTimeout());
		builder.streamIdleTimeout(this.properties.getStreamIdleTimeout());
		builder.maxInMemorySize(bytes(this.properties.getMaxInMemorySize()));
		builder.maxRetries(retry.getMaxRetries());
		builder.initialBackoff(retry.getInitialBackoff());
		builder.maxBackoff(retry.getMaxBackoff());
		builder.maxRetryAfter(retry.getMaxRetryAfter());
		builder.pollInterval(poll.getInterval());
		builder.pollTimeout(poll.getTimeout());
	}

	private static int bytes(DataSize size) {
		long bytes = size.toBytes();
		// A cast alone would turn -3GB into a positive size.
		Assert.isTrue(bytes == (int) bytes, "the size must fit in an int");
		return (int) bytes;
	}

}
