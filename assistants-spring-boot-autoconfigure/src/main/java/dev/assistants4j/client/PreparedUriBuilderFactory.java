package dev.assistants4j.client;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import org.springframework.util.StringUtils;
import org.springframework.web.util.DefaultUriBuilderFactory;
import org.springframework.web.util.UriBuilder;
import org.springframework.web.util.UriBuilderFactory;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Expands the client's URI templates as a {@link DefaultUriBuilderFactory} in
 * {@link DefaultUriBuilderFactory.EncodingMode#TEMPLATE_AND_VALUES TEMPLATE_AND_VALUES} mode does, with each
 * template parsed, joined to the base URL and encoded once rather than on every call: the client sends a
 * handful of templates over and over. Only the variables are encoded per call, strictly, so that a value such
 * as {@code a/b} or {@code a?b} stays inside its path segment or query value.
 */
final class PreparedUriBuilderFactory implements UriBuilderFactory {

	// The client's templates are its endpoints with their query parameters: a few dozen. A bound all the same.
	private static final int MAX_PREPARED = 512;

	private final DefaultUriBuilderFactory builders;

	private final UriComponentsBuilder base;

	private final Map<String, UriComponents> prepared = new ConcurrentHashMap<>();

	PreparedUriBuilderFactory(String baseUrl) {
		this.builders = new DefaultUriBuilderFactory(baseUrl);
		this.builders.setEncodingMode(DefaultUriBuilderFactory.EncodingMode.TEMPLATE_AND_VALUES);
		this.base = UriComponentsBuilder.fromUriString(baseUrl);
	}

	@Override
	public URI expand(String uriTemplate, Map<String, ?> uriVariables) {
		return URI.create(prepare(uriTemplate).expand(uriVariables).toUriString());
	}

	@Override
	public URI expand(String uriTemplate, @Nullable Object... uriVariables) {
		return URI.create(prepare(uriTemplate).expand(uriVariables).toUriString());
	}

	@Override
	public UriBuilder uriString(String uriTemplate) {
		return this.builders.uriString(uriTemplate);
	}

	@Override
	public UriBuilder builder() {
		return this.builders.builder();
	}

	private UriComponents prepare(String uriTemplate) {
		UriComponents template = this.prepared.get(uriTemplate);
		if (template == null) {
			template = parse(uriTemplate);
			if (this.prepared.size() < MAX_PREPARED) {
				this.prepared.putIfAbsent(uriTemplate, template);
			}
		}
		return template;
	}

	/**
	 * Parses a template as {@link DefaultUriBuilderFactory} does: a relative one is appended to the base URL,
	 * an absolute one stands alone; then the template is encoded and its variables left for expansion.
	 */
	private UriComponents parse(String uriTemplate) {
		if (!StringUtils.hasLength(uriTemplate)) {
			return this.base.cloneBuilder().encode().build();
		}
		UriComponentsBuilder builder = UriComponentsBuilder.fromUriString(uriTemplate);
		UriComponents uri = builder.build();
		UriComponentsBuilder joined = (uri.getHost() == null) ? this.base.cloneBuilder().uriComponents(uri) : builder;
		return joined.encode().build();
	}

}
