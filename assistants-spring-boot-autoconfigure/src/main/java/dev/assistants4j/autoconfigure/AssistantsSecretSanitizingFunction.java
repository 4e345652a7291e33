package dev.assistants4j.autoconfigure;

import java.util.Locale;
import java.util.Map;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;

/**
 * Masks the token, and the values of extra headers named like credentials ({@code api-key},
 * {@code Authorization}), wherever the actuator would show them: Boot masks every value by default, but an
 * application that sets {@code management.endpoint.*.show-values} sees them all. The values are matched
 * rather than the keys, so that the token is masked too under the name it came from, such as an
 * {@code OPENAI_API_KEY} environment variable that {@code openai.assistants.token} refers to.
 */
final class AssistantsSecretSanitizingFunction implements SanitizingFunction {

	private final AssistantsProperties properties;

	AssistantsSecretSanitizingFunction(AssistantsProperties properties) {
		this.properties = properties;
	}

	@Override
	public SanitizableData apply(SanitizableData data) {
		return (data.getValue() instanceof CharSequence value && isSecret(value.toString().strip()))
				? data.withSanitizedValue() : data;
	}

	private boolean isSecret(String value) {
		if (value.isEmpty()) {
			return false;
		}
		String token = this.properties.getToken();
		if (token != null && value.equals(token.strip())) {
			return true;
		}
		for (Map.Entry<String, String> header : this.properties.getHeaders().entrySet()) {
			if (isCredentialHeader(header.getKey()) && value.equals(header.getValue().strip())) {
				return true;
			}
		}
		return false;
	}

	private static boolean isCredentialHeader(String name) {
		String lowerCase = name.toLowerCase(Locale.ROOT);
		return lowerCase.contains("auth") || lowerCase.contains("key") || lowerCase.contains("token")
				|| lowerCase.contains("secret");
	}

}
