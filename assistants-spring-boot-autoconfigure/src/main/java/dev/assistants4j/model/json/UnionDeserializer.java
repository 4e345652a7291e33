package dev.assistants4j.model.json;

import java.util.Map;
import java.util.function.BiFunction;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.deser.std.StdDeserializer;

/**
 * Decodes a sealed union of the wire model by its discriminator property. A discriminator this version does
 * not know, a member whose body does not decode, or a value of an unexpected JSON shape becomes the union's
 * {@code Unknown} member holding the raw JSON: the protocol grows new members and the client must keep
 * working when it does.
 *
 * @param <T> the union type
 */
final class UnionDeserializer<T> extends StdDeserializer<T> {

	private final String discriminator;

	private final Map<String, Class<? extends T>> members;

	private final BiFunction<@Nullable String, JsonNode, T> unknown;

	private final Map<String, T> strings;

	private UnionDeserializer(Class<T> union, String discriminator, Map<String, Class<? extends T>> members,
			BiFunction<@Nullable String, JsonNode, T> unknown, Map<String, T> strings) {
		super(union);
		this.discriminator = discriminator;
		this.members = Map.copyOf(members);
		this.unknown = unknown;
		this.strings = Map.copyOf(strings);
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
	public T deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
		JsonNode node = context.readTree(parser);
		if (node.isString() && this.strings.containsKey(node.stringValue())) {
			return this.strings.get(node.stringValue());
		}
		if (!node.isObject()) {
			return this.unknown.apply(null, node);
		}
		JsonNode discriminatorNode = node.get(this.discriminator);
		String type = (discriminatorNode != null && discriminatorNode.isString()) ? discriminatorNode.stringValue()
				: null;
		Class<? extends T> member = (type != null) ? this.members.get(type) : null;
		if (member == null) {
			return this.unknown.apply(type, node);
		}
		try {
			return context.readTreeAsValue(node, member);
		}
		catch (JacksonException ex) {
			return this.unknown.apply(type, node);
		}
	}

	@Override
	public @Nullable T getNullValue(DeserializationContext context) {
		return null;
	}

}
