package dev.assistants4j.model.json;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.deser.DeserializationProblemHandler;
import tools.jackson.databind.deser.ValueInstantiator;

/**
 * Reads a value of an unexpected shape as absent instead of failing the whole response: a string where a
 * number belongs, an object where a string belongs, an array where an object belongs. A server that drifts
 * in one field must not cost the caller the rest of the object. A string field keeps what was sent: a
 * scalar as its text, an object or array as its JSON.
 */
final class TolerantProblemHandler extends DeserializationProblemHandler {

	@Override
	public @Nullable Object handleUnexpectedToken(DeserializationContext context, JavaType targetType, JsonToken token,
			JsonParser parser, String failureMessage) throws JacksonException {
		// The handler owns the value once it answers: read it whole so that parsing resumes after it.
		JsonNode value = context.readTree(parser);
		if (targetType.hasRawClass(String.class)) {
			return value.isValueNode() ? value.asString() : value.toString();
		}
		return null;
	}

	@Override
	public @Nullable Object handleMissingInstantiator(DeserializationContext context, Class<?> instanceClass,
			ValueInstantiator instantiator, JsonParser parser, String failureMessage) throws JacksonException {
		// Reached for a scalar where an object belongs, such as "tool_resources": "none".
		parser.skipChildren();
		return null;
	}

	@Override
	public @Nullable Object handleWeirdStringValue(DeserializationContext context, Class<?> targetType,
			String value, String failureMessage) {
		return null;
	}

	@Override
	public @Nullable Object handleWeirdNumberValue(DeserializationContext context, Class<?> targetType,
			Number value, String failureMessage) {
		return null;
	}

}
