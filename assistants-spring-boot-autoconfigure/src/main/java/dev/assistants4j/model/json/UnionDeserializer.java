package dev.assistants4j.model.json;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.util.JsonParserSequence;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.util.TokenBuffer;

/**
 * Decodes a sealed union of the wire model by its discriminator property. A discriminator this version does
 * not know, or a value of an unexpected JSON shape, becomes the union's {@code Unknown} member holding the raw
 * JSON: the protocol grows new members and the client must keep working when it does. A known member whose
 * body does not decode becomes {@code Unknown} too.
 *
 * <p>Each member's deserializer is looked up once. A known member is decoded straight from the input, the
 * properties before its discriminator (none, as servers write them) replayed from a small buffer; one that
 * fails part-way becomes {@code Unknown} with its discriminator only, since the input cannot be read again.
 * An unknown discriminator, or none, reads the object into a buffer and then a JSON tree for the
 * {@code Unknown}, whole.
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
	private final Map<String, Member> resolved = new ConcurrentHashMap<>();

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
		String name = (token == JsonToken.PROPERTY_NAME) ? parser.currentName() : parser.nextName();
		int depth = parser.streamReadContext().getNestingDepth();
		// The properties before the discriminator, if any: servers mostly send it first, and then nothing is kept.
		TokenBuffer buffer = null;
		for (; name != null; name = parser.nextName()) {
			JsonToken value = parser.nextToken();
			if (value == JsonToken.VALUE_STRING && this.discriminator.equals(name)) {
				String type = parser.getString();
				Member member = member(type, context);
				if (member != null && member.direct()) {
					return direct(parser, context, buffer, type, member.deserializer(), depth);
				}
				buffer = started(buffer, parser, context);
				buffer.writeName(name);
				buffer.writeString(type);
				return buffered(buffer, copyRest(parser, buffer, parser.nextName(), type), context);
			}
			buffer = started(buffer, parser, context);
			buffer.writeName(name);
			buffer.copyCurrentStructure(parser);
		}
		buffer = started(buffer, parser, context);
		buffer.writeEndObject();
		return this.unknown.apply(null, tree(buffer, context));
	}

	private static TokenBuffer started(@Nullable TokenBuffer buffer, JsonParser parser,
			DeserializationContext context) {
		if (buffer != null) {
			return buffer;
		}
		TokenBuffer started = context.bufferForInputBuffering(parser);
		started.writeStartObject();
		return started;
	}

	/**
	 * Decodes a member from the input, past the discriminator, after the properties that came before it, if
	 * any. Should the member fail part-way, the rest of the object is skipped and the value is
	 * {@code Unknown} with its discriminator only, since the input cannot be read again.
	 * @param depth the nesting depth of the union's object in the input
	 */
	private T direct(JsonParser parser, DeserializationContext context, @Nullable TokenBuffer before, String type,
			ValueDeserializer<Object> deserializer, int depth) {
		JsonParser input = parser;
		if (before == null) {
			parser.nextToken();
		}
		else {
			parser.clearCurrentToken();
			input = JsonParserSequence.createFlattened(false, before.asParser(context, parser), parser);
			input.nextToken();
		}
		try {
			@SuppressWarnings("unchecked")
			T value = (T) deserializer.deserialize(input, context);
			return value;
		}
		catch (JacksonException ex) {
			// A syntax error fails here again, as it would have without this union.
			while (parser.streamReadContext().getNestingDepth() >= depth) {
				if (parser.nextToken() == null) {
					throw ex;
				}
			}
			return this.unknown.apply(type, context.getNodeFactory().objectNode().put(this.discriminator, type));
		}
	}

	/**
	 * Decodes a whole object from the buffer that holds it: an {@code Unknown} unless a member that reads the
	 * discriminator itself decodes it.
	 */
	private T buffered(TokenBuffer buffer, @Nullable String type, DeserializationContext context) {
		Member member = (type != null) ? member(type, context) : null;
		if (member == null) {
			return this.unknown.apply(type, tree(buffer, context));
		}
		try (JsonParser replay = buffer.asParserOnFirstToken(context)) {
			@SuppressWarnings("unchecked")
			T value = (T) member.deserializer().deserialize(replay, context);
			return value;
		}
		catch (JacksonException ex) {
			return this.unknown.apply(type, tree(buffer, context));
		}
	}

	/**
	 * Copies the rest of the object into the buffer, from the given property name to the end, and closes it.
	 * @return the discriminator, if it is a string: the last one wins, as it would in a JSON tree
	 */
	private @Nullable String copyRest(JsonParser parser, TokenBuffer buffer, @Nullable String first,
			@Nullable String type) {
		for (String name = first; name != null; name = parser.nextName()) {
			JsonToken value = parser.nextToken();
			buffer.writeName(name);
			if (value == JsonToken.VALUE_STRING && this.discriminator.equals(name)) {
				type = parser.getString();
				buffer.writeString(type);
			}
			else {
				if (this.discriminator.equals(name)) {
					type = null;
				}
				buffer.copyCurrentStructure(parser);
			}
		}
		buffer.writeEndObject();
		return type;
	}

	private @Nullable Member member(String type, DeserializationContext context) {
		Member member = this.resolved.get(type);
		if (member == null) {
			Class<? extends T> memberType = this.members.get(type);
			if (memberType == null) {
				return null;
			}
			ValueDeserializer<Object> deserializer = context.findRootValueDeserializer(context.constructType(memberType));
			// A member with a property of the discriminator's name reads it: it must see the whole object.
			boolean readsDiscriminator = deserializer.getKnownPropertyNames() == null
					|| deserializer.getKnownPropertyNames().contains(this.discriminator);
			member = new Member(deserializer, !readsDiscriminator);
			this.resolved.putIfAbsent(type, member);
		}
		return member;
	}

	/**
	 * A member's deserializer, and whether it may start after the discriminator.
	 */
	private record Member(ValueDeserializer<Object> deserializer, boolean direct) {
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
