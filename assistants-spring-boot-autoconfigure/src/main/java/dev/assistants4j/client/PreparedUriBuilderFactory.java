package dev.assistants4j.client;

import java.net.URI;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import org.springframework.util.MultiValueMap;
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
 * handful of templates over and over. {@code WebClient} asks for a builder of the template, reads the
 * template from it for observations, and builds it: the builder given builds the prepared template. Only the variables are encoded per call, strictly, so that a value such
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

	/**
	 * Returns a builder of the prepared template: what {@code WebClient} asks for on every request, to read the
	 * template and then build it. Changing the builder turns it into Spring's own.
	 */
	@Override
	public UriBuilder uriString(String uriTemplate) {
		return new PreparedUriBuilder(uriTemplate, prepare(uriTemplate));
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

	/**
	 * A builder that builds a prepared template without parsing it again, until one of its parts is changed.
	 */
	private final class PreparedUriBuilder implements UriBuilder {

		private final String uriTemplate;

		private final UriComponents prepared;

		private @Nullable UriBuilder changed;

		PreparedUriBuilder(String uriTemplate, UriComponents prepared) {
			this.uriTemplate = uriTemplate;
			this.prepared = prepared;
		}

		private UriBuilder change() {
			if (this.changed == null) {
				this.changed = PreparedUriBuilderFactory.this.builders.uriString(this.uriTemplate);
			}
			return this.changed;
		}

		@Override
		public URI build(@Nullable Object... uriVariables) {
			return (this.changed != null) ? this.changed.build(uriVariables)
					: URI.create(this.prepared.expand(uriVariables).toUriString());
		}

		@Override
		public URI build(Map<String, ? extends @Nullable Object> uriVariables) {
			return (this.changed != null) ? this.changed.build(uriVariables)
					: URI.create(this.prepared.expand(uriVariables).toUriString());
		}

		@Override
		public String toUriString() {
			return (this.changed != null) ? this.changed.toUriString() : this.prepared.toUriString();
		}

		@Override
		public UriBuilder scheme(@Nullable String scheme) {
			change().scheme(scheme);
			return this;
		}

		@Override
		public UriBuilder userInfo(@Nullable String userInfo) {
			change().userInfo(userInfo);
			return this;
		}

		@Override
		public UriBuilder host(@Nullable String host) {
			change().host(host);
			return this;
		}

		@Override
		public UriBuilder port(int port) {
			change().port(port);
			return this;
		}

		@Override
		public UriBuilder port(@Nullable String port) {
			change().port(port);
			return this;
		}

		@Override
		public UriBuilder path(String path) {
			change().path(path);
			return this;
		}

		@Override
		public UriBuilder replacePath(@Nullable String path) {
			change().replacePath(path);
			return this;
		}

		@Override
		public UriBuilder pathSegment(String... pathSegments) {
			change().pathSegment(pathSegments);
			return this;
		}

		@Override
		public UriBuilder query(String query) {
			change().query(query);
			return this;
		}

		@Override
		public UriBuilder replaceQuery(@Nullable String query) {
			change().replaceQuery(query);
			return this;
		}

		@Override
		public UriBuilder queryParam(String name, @Nullable Object... values) {
			change().queryParam(name, values);
			return this;
		}

		@Override
		public UriBuilder queryParam(String name, @Nullable Collection<?> values) {
			change().queryParam(name, values);
			return this;
		}

		@Override
		public UriBuilder queryParamIfPresent(String name, Optional<?> value) {
			change().queryParamIfPresent(name, value);
			return this;
		}

		@Override
		public UriBuilder queryParams(MultiValueMap<String, String> params) {
			change().queryParams(params);
			return this;
		}

		@Override
		public UriBuilder replaceQueryParam(String name, @Nullable Object... values) {
			change().replaceQueryParam(name, values);
			return this;
		}

		@Override
		public UriBuilder replaceQueryParam(String name, @Nullable Collection<?> values) {
			change().replaceQueryParam(name, values);
			return this;
		}

		@Override
		public UriBuilder replaceQueryParams(MultiValueMap<String, String> params) {
			change().replaceQueryParams(params);
			return this;
		}

		@Override
		public UriBuilder fragment(@Nullable String fragment) {
			change().fragment(fragment);
			return this;
		}

	}

}
