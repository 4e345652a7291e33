package dev.assistants4j.emulator;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import dev.assistants4j.model.json.AssistantsJson;

/**
 * How the emulator reads and writes the wire, with the client's own mapping of the model. A request body is
 * checked as the real service checks it before it is bound to its request record: it must be a JSON object,
 * hold no argument the record does not know, every argument the record requires, and metadata within the
 * service's limits. Responses keep their {@code null}s, as the real service writes them; stream deltas leave
 * them out, as it does.
 */
final class WireJson {

	private static final byte[] EMPTY = new byte[0];

	private static final int MAX_MAP_ENTRIES = 16;

	private static final int MAX_KEY_LENGTH = 64;

	private static final int MAX_VALUE_LENGTH = 512;

	private final JsonMapper reader = AssistantsJson.newMapper();

	private final JsonMapper writer = this.reader.rebuild()
		.changeDefaultPropertyInclusion((inclusion) -> inclusion.withValueInclusion(JsonInclude.Include.ALWAYS))
		.build();

	private final Map<Class<?>, RequestShape> shapes = new ConcurrentHashMap<>();

	/**
	 * Reads a request body as a JSON object; an empty body is an empty object, as for the service.
	 */
	Mono<ObjectNode> readObject(ServerRequest request) {
		return request.bodyToMono(byte[].class).defaultIfEmpty(EMPTY).map(this::object);
	}

	/**
	 * Reads a request body and binds it to a request record.
	 */
	<T> Mono<T> read(ServerRequest request, Class<T> type) {
		return readObject(request).map((body) -> bind(body, type));
	}

	ObjectNode object(byte[] body) {
		if (body.length == 0) {
			return this.reader.createObjectNode();
		}
		JsonNode tree;
		try {
			tree = this.reader.readTree(body);
		}
		catch (JacksonException ex) {
			throw WireError.invalid("We could not parse the JSON body of your request. (HINT: This likely means "
					+ "you aren't using your HTTP library correctly. The OpenAI API expects a JSON payload, but "
					+ "what was sent was not valid JSON.)");
		}
		if (tree == null || tree.isNull() || tree.isMissingNode()) {
			return this.reader.createObjectNode();
		}
		if (!(tree instanceof ObjectNode object)) {
			throw WireError.invalid("Invalid type for the request body: expected an object, but got "
					+ tree.getNodeType().name().toLowerCase(Locale.ROOT) + " instead.", null, "invalid_type");
		}
		return object;
	}

	/**
	 * Binds a checked request body to a request record.
	 * @param alsoAccepted arguments the operation accepts beyond the record's, such as {@code stream}
	 */
	<T> T bind(ObjectNode body, Class<T> type, String... alsoAccepted) {
		RequestShape shape = this.shapes.computeIfAbsent(type, RequestShape::of);
		Set<String> accepted = Set.of(alsoAccepted);
		for (String name : body.propertyNames()) {
			if (!shape.accepted().contains(name) && !accepted.contains(name)) {
				throw WireError.unrecognized(name);
			}
		}
		for (String name : shape.required()) {
			JsonNode value = body.get(name);
			if (value == null || value.isNull()) {
				throw WireError.missingParameter(name);
			}
		}
		checkMap(body.get("metadata"), "metadata", false);
		checkMap(body.get("attributes"), "attributes", true);
		try {
			T value = this.reader.treeToValue(body, type);
			if (value == null) {
				throw WireError.invalid("Invalid request body.");
			}
			return value;
		}
		catch (JacksonException ex) {
			Throwable cause = ex.getCause();
			String reason = (cause instanceof IllegalArgumentException) ? cause.getMessage() : ex.getOriginalMessage();
			throw WireError.invalid("Invalid request body: " + reason);
		}
	}

	private static void checkMap(@Nullable JsonNode map, String name, boolean scalars) {
		if (map == null || map.isNull()) {
			return;
		}
		if (!map.isObject()) {
			throw WireError.invalid("Invalid type for '" + name + "': expected an object, but got "
					+ map.getNodeType().name().toLowerCase(Locale.ROOT) + " instead.", name, "invalid_type");
		}
		if (map.size() > MAX_MAP_ENTRIES) {
			throw WireError.invalid("Invalid '" + name + "': too many properties. Expected an object with at most "
					+ MAX_MAP_ENTRIES + " properties, but got an object with " + map.size() + " properties instead.",
					name, "object_above_max_properties");
		}
		for (Map.Entry<String, JsonNode> entry : map.properties()) {
			String param = name + "." + entry.getKey();
			if (entry.getKey().length() > MAX_KEY_LENGTH) {
				throw WireError.invalid("Invalid '" + name + "': key too long. Expected a key with maximum length "
						+ MAX_KEY_LENGTH + ", but got a key with length " + entry.getKey().length() + " instead.",
						param, "string_above_max_length");
			}
			JsonNode value = entry.getValue();
			boolean valid = value.isString() || (scalars && (value.isNumber() || value.isBoolean()));
			if (!valid) {
				throw WireError.invalid("Invalid type for '" + param + "': expected "
						+ (scalars ? "a string, a number or a boolean" : "a string") + ", but got "
						+ value.getNodeType().name().toLowerCase(Locale.ROOT) + " instead.", param,
						"invalid_type");
			}
			if (value.isString() && value.stringValue().length() > MAX_VALUE_LENGTH) {
				throw WireError.invalid("Invalid '" + param + "': string too long. Expected a string with maximum "
						+ "length " + MAX_VALUE_LENGTH + ", but got a string with length "
						+ value.stringValue().length() + " instead.", param, "string_above_max_length");
			}
		}
	}

	byte[] write(Object value) {
		return this.writer.writeValueAsBytes(value);
	}

	/**
	 * Writes the data of a stream event: a snapshot as a response would be, a delta without its absent parts.
	 */
	String writeEvent(Object value, boolean delta) {
		return (delta ? this.reader : this.writer).writeValueAsString(value);
	}

	Mono<ServerResponse> ok(Object body) {
		return ok(body, (headers) -> {
		});
	}

	Mono<ServerResponse> ok(Object body, Consumer<HttpHeaders> headers) {
		return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).headers(headers).bodyValue(write(body));
	}

	Mono<ServerResponse> error(WireError error) {
		ObjectNode envelope = this.writer.createObjectNode();
		envelope.putObject("error")
			.put("message", error.getMessage())
			.put("type", error.type())
			.put("param", error.param())
			.put("code", error.code());
		return ServerResponse.status(error.status()).contentType(MediaType.APPLICATION_JSON).bodyValue(write(envelope));
	}

	/**
	 * The arguments a request record accepts and requires, read from its components: the JSON name of each,
	 * and required when the component is not {@code @Nullable}.
	 */
	private record RequestShape(Set<String> accepted, List<String> required) {

		static RequestShape of(Class<?> type) {
			Set<String> accepted = new LinkedHashSet<>();
			List<String> required = new ArrayList<>();
			for (RecordComponent component : type.getRecordComponents()) {
				JsonProperty property = component.getAccessor().getAnnotation(JsonProperty.class);
				String name = (property != null && !property.value().isEmpty()) ? property.value() : component.getName();
				accepted.add(name);
				boolean nullable = Arrays.stream(component.getAnnotatedType().getAnnotations())
					.anyMatch((annotation) -> annotation.annotationType() == Nullable.class);
				if (!nullable) {
					required.add(name);
				}
			}
			return new RequestShape(Set.copyOf(accepted), List.copyOf(required));
		}

	}

}
