package dev.assistants4j.model.json;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.jdk.NumberDeserializers;
import tools.jackson.databind.deser.std.StdDeserializer;

/**
 * Reads an integer type as Jackson does, except that a number out of its range reads as absent instead of
 * failing: the parser reports an overflow itself, past the problem handler that makes other drifted values
 * absent, and a whole page would otherwise fail for one field.
 *
 * @param <T> the integer type
 */
final class TolerantNumberDeserializer<T> extends StdDeserializer<T> {

	private final ValueDeserializer<T> delegate;

	@SuppressWarnings("unchecked")
	TolerantNumberDeserializer(Class<T> type) {
		super(type);
		this.delegate = (ValueDeserializer<T>) NumberDeserializers.find(type);
	}

	@Override
	public @Nullable T deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
		try {
			return this.delegate.deserialize(parser, context);
		}
		catch (InputCoercionException ex) {
			return getNullValue(context);
		}
	}

	@Override
	@SuppressWarnings("unchecked")
	public @Nullable T getNullValue(DeserializationContext context) {
		return (T) this.delegate.getNullValue(context);
	}

}
