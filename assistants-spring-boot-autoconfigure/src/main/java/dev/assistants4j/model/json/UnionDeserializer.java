package dev.assistants4j.model.json;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.util.TokenBuffer;

/**
 * Decodes a sealed union of the wire model by its discriminator property. A discriminator this version does
 * not know, a member whose body does not decode, or a value of an unexpected JSON shape becomes the union's
 * {@code Unknown} member holding the raw JSON: the protocol grows new members and the client must keep
 * working when it does.
 *
 * <p>An object is read once from the input into a token buffer, noting its discriminator on the way, and the
 * member is decoded from that buffer by a deserializer looked up once per member; a JSON tree is built only
 * for an {@code Unknown}.
 *
 * @param <T> the union type
 */
final class UnionDeserializer<T> extends StdDeserializer<T> {

	private final String discriminator;

	private final Map<String, Class<? extends T>> members;

	private final BiFunction<@Nullable String, JsonNode, T> unknown;

	private final Map<String, T> strings;

	/**
	 * The members' deserializers, found on first use. Empty in the instance a module registers: Jackson
	 * contextualizes it into one instance per mapper and property, so one mapper's deserializers never serve
	 * another.
	 */
	private final Map<String, ValueDeserializer<Object>> deserializers = new ConcurrentHashMap<>();

	private UnionDeserializer(Class<T> union, String discriminator, Map<String, Class<? extends T>> members,
			BiFunction<@Nullable String, JsonNode, T> unknown, Map<String, T> strings) {
		super(union);
		this.discriminator = discriminator;
		this.members = Map.copyOf(members);
		this.unknown = unknown;
		this.strings = Map.copyOf(strings);
	}

	@SuppressWarnings("unchecked")
	private UnionDeserializer(UnionDeserializer<T> registered) {
		this((Class<T>) registered.handledType(), registered.discriminator, registered.members, registered.unknown,
				registered.strings);
	}

	/**
	 * A union of JSON objects told apart by their {@code type} property.
	 */
	static <T> UnionDeserializer<T> byType(Class<T> union, Map<String, Class<? extends T>> members,
			BiFunction<@Nullable String, JsonNode, T> unknown) {
		return new UnionDeserializer<>(union, "type", members, unknown, Map.of());
	}

	/**
	 * A union whose members are either one of the given bare strings (such as {@code "auto"}) or an object
	 * with a {@code type} property. A bare string not among them is unknown.
	 */
	static <T> UnionDeserializer<T> byTypeOrString(Class<T> union, Map<String, Class<? extends T>> members,
			Map<String, T> strings, BiFunction<@Nullable String, JsonNode, T> unknown) {
		return new UnionDeserializer<>(union, "type", members, unknown, strings);
	}

	@Override
	public ValueDeserializer<?> createContextual(DeserializationContext context, @Nullable BeanProperty property) {
		return new UnionDeserializer<>(this);
	}

	@Override
	public T deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
		JsonToken token = parser.currentToken();
		if (token == JsonToken.VALUE_STRING) {
			T known = this.strings.get(parser.getString());
			if (known != null) {
				return known;
			}
		}
		if (token != JsonToken.START_OBJECT && token != JsonToken.PROPERTY_NAME) {
			return this.unknown.apply(null, context.readTree(parser));
		}
		TokenBuffer buffer = context.bufferForInputBuffering(parser);
		String type = copyObject(parser, buffer);
		ValueDeserializer<Object> member = (type != null) ? member(type, context) : null;
		if (member == null) {
			return this.unknown.apply(type, tree(buffer, context));
		}
		try (JsonParser replay = buffer.asParserOnFirstToken(context)) {
			@SuppressWarnings("unchecked")
			T value = (T) member.deserialize(replay, context);
			return value;
		}
		catch (JacksonException ex) {
			return this.unknown.apply(type, tree(buffer, context));
		}
	}

	/**
	 * Copies the object the parser is in, from its start or its first property name, to its end.
	 * @return the discriminator, if it is a string
	 */
	private @Nullable String copyObject(JsonParser parser, TokenBuffer buffer) {
		buffer.writeStartObject();
		String type = null;
		String name = (parser.currentToken() == JsonToken.PROPERTY_NAME) ? parser.currentName() : parser.nextName();
		for (; name != null; name = parser.nextName()) {
			JsonToken value = parser.nextToken();
			buffer.writeName(name);
			if (value == JsonToken.VALUE_STRING && this.discriminator.equals(name)) {
				// The last one wins, as it would in a JSON tree.
				type = parser.getString();
				buffer.writeString(type);
			}
			else {
				buffer.copyCurrentStructure(parser);
			}
		}
		buffer.writeEndObject();
		return type;
	}

	private @Nullable ValueDeserializer<Object> member(String type, DeserializationContext context) {
		ValueDeserializer<Object> deserializer = this.deserializers.get(type);
		if (deserializer == null) {
			Class<? extends T> member = this.members.get(type);
			if (member == null) {
				return null;
			}
			deserializer = context.findRootValueDeserializer(context.constructType(member));
			this.deserializers.putIfAbsent(type, deserializer);
		}
		return deserializer;
	}

	private static JsonNode tree(TokenBuffer buffer, DeserializationContext context) {
		try (JsonParser replay = buffer.asParserOnFirstToken(context)) {
			return context.readTree(replay);
		}
	}

	@Override
	public @Nullable T getNullValue(DeserializationContext context) {
		return null;
	}

}
