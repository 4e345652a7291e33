package dev.assistants4j.client;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.web.util.DefaultUriBuilderFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Prepared templates expand to exactly the URIs Spring's own factory builds in the strict mode the client
 * used before, for every base URL shape, template and awkward value.
 */
class PreparedUriBuilderFactoryTests {

	private static final List<String> TEMPLATES = List.of("/assistants", "/assistants/{assistant_id}",
			"/threads/{thread_id}/runs/{run_id}/steps?limit={q0}&order={q1}&after={q2}",
			"/vector_stores/{vector_store_id}/files?filter={q0}", "/files/{file_id}/content", "",
			"http://other.example:8080/v2/files/{file_id}?api-version={q0}", "assistants/{id}");

	private static final List<String> VALUES = List.of("asst_abc123", "a/b", "a?b=c&d", "../files", "%2F",
			"sp ace", "ünï€ode", "{braces}", "a#frag", "plus+sign", "semi;colon", "", "~tilde_-.");

	@ParameterizedTest
	@ValueSource(strings = { "https://api.openai.com/v1", "https://api.openai.com/v1/", "http://127.0.0.1:8080",
			"https://example.openai.azure.com/openai?api-version=2024-05-01-preview",
			"https://host.example/prefix%20path/v1" })
	void expandsAsSpringsStrictFactoryDoes(String baseUrl) {
		DefaultUriBuilderFactory spring = new DefaultUriBuilderFactory(baseUrl);
		spring.setEncodingMode(DefaultUriBuilderFactory.EncodingMode.TEMPLATE_AND_VALUES);
		PreparedUriBuilderFactory prepared = new PreparedUriBuilderFactory(baseUrl);
		for (String template : TEMPLATES) {
			for (String value : VALUES) {
				Object[] variables = variables(template, value);
				URI expected = spring.expand(template, variables);
				// Twice: the second expansion comes from the prepared template.
				assertThat(prepared.expand(template, variables)).as("%s with %s", template, value).isEqualTo(expected);
				assertThat(prepared.expand(template, variables)).as("%s with %s", template, value).isEqualTo(expected);
				Map<String, Object> named = named(template, value);
				assertThat(prepared.expand(template, named)).isEqualTo(spring.expand(template, named));
				// As WebClient uses it: the template read for observations, then built.
				assertThat(prepared.uriString(template).toUriString())
					.isEqualTo(spring.uriString(template).toUriString());
				assertThat(prepared.uriString(template).build(variables)).isEqualTo(expected);
				assertThat(prepared.uriString(template).build(named)).isEqualTo(spring.uriString(template).build(named));
				assertThat(prepared.uriString(template).queryParam("extra", "x y/z").fragment("f").build(variables))
					.isEqualTo(spring.uriString(template).queryParam("extra", "x y/z").fragment("f").build(variables));
			}
		}
	}

	@Test
	void idWithSlashAndQueryCharactersStaysInItsSegment() {
		URI uri = new PreparedUriBuilderFactory("https://api.openai.com/v1").expand("/files/{file_id}/content",
				"../a/b?c#d");
		assertThat(uri.getRawPath()).isEqualTo("/v1/files/..%2Fa%2Fb%3Fc%23d/content");
		assertThat(uri.getRawQuery()).isNull();
		assertThat(uri.getRawFragment()).isNull();
	}

	@Test
	void buildersAreSpringsStrictOnes() {
		PreparedUriBuilderFactory prepared = new PreparedUriBuilderFactory("https://api.openai.com/v1");
		assertThat(prepared.uriString("/threads/{id}").build("a/b"))
			.isEqualTo(URI.create("https://api.openai.com/v1/threads/a%2Fb"));
		assertThat(prepared.builder().path("/x").build()).isEqualTo(URI.create("https://api.openai.com/v1/x"));
	}

	private static Object[] variables(String template, String value) {
		List<Object> variables = new ArrayList<>();
		for (int i = 0; i < template.chars().filter((c) -> c == '{').count(); i++) {
			variables.add(value + i);
		}
		return variables.toArray();
	}

	private static Map<String, Object> named(String template, String value) {
		return Map.of("assistant_id", value, "thread_id", value, "run_id", value + "r", "vector_store_id", value,
				"file_id", value, "id", value, "q0", value + "0", "q1", value + "1", "q2", value + "2");
	}

}
