package dev.assistants4j.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ClientHttpResponse;
import org.springframework.mock.http.client.reactive.MockClientHttpResponse;

import dev.assistants4j.model.DeletionStatus;
import dev.assistants4j.model.Page;
import dev.assistants4j.model.assistant.Assistant;
import dev.assistants4j.model.file.OpenAiFile;
import dev.assistants4j.model.json.AssistantsJson;
import dev.assistants4j.model.message.Message;
import dev.assistants4j.model.run.CreateRunRequest;
import dev.assistants4j.model.run.Run;
import dev.assistants4j.model.runstep.RunStep;
import dev.assistants4j.model.thread.AssistantThread;
import dev.assistants4j.model.vectorstore.VectorStore;
import dev.assistants4j.model.vectorstore.VectorStoreFile;
import dev.assistants4j.model.vectorstore.VectorStoreFileBatch;
import dev.assistants4j.stream.AssistantStreamEvent;
import dev.assistants4j.stream.AssistantStreamEventDecoder;
import dev.assistants4j.stream.ServerSentEventDecoder;
import dev.assistants4j.stream.SseEvent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real-shaped bodies and event streams, the fixtures, mutated at random with fixed seeds (bytes flipped,
 * deleted or duplicated, bodies truncated, values swapped for another type, events merged or renamed) and
 * fed to the decoders: each either decodes or fails with the client's exception, within a bound, and never
 * with a {@link NullPointerException}, {@link ClassCastException} or {@link StackOverflowError}. A body cut
 * into chunks at random decodes exactly as the whole body does, so that nothing valid is lost at a chunk
 * boundary. A failing case prints its seed and mutation; the seeds are fixed, so it fails the same way again.
 */
class MutatedInputTests {

	private static final Duration BOUND = Duration.ofSeconds(5);

	private static final int MUTATIONS_PER_BODY = 60;

	private static final int MUTATIONS_PER_STREAM = 25;

	private static final Path FIXTURES = Paths.get("src/test/resources/fixtures");

	private static final JsonMapper mapper = AssistantsJson.newMapper();

	private static final DefaultDataBufferFactory buffers = DefaultDataBufferFactory.sharedInstance;

	private static List<Path> fixtures(String suffix) {
		try (Stream<Path> files = Files.list(FIXTURES)) {
			return files.filter((file) -> file.getFileName().toString().endsWith(suffix)).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static byte[] read(Path file) {
		try {
			return Files.readAllBytes(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Returns the model type a fixture holds, from its name.
	 */
	private static JavaType typeOf(String name) {
		if (name.contains("-list")) {
			Class<?> item = name.startsWith("assistants") ? Assistant.class
					: name.startsWith("files") ? OpenAiFile.class
					: name.startsWith("messages") ? Message.class
					: name.startsWith("run-steps") ? RunStep.class
					: name.startsWith("runs") ? Run.class
					: name.startsWith("vector-store-files") ? VectorStoreFile.class : VectorStore.class;
			return mapper.getTypeFactory().constructParametricType(Page.class, item);
		}
		Class<?> type = name.contains("-deleted") ? DeletionStatus.class
				: name.startsWith("thread-and-run") || name.startsWith("run-") && !name.startsWith("run-step") ? Run.class
				: name.startsWith("run-step") ? RunStep.class
				: name.startsWith("message") ? Message.class
				: name.startsWith("assistant") ? Assistant.class
				: name.startsWith("thread") ? AssistantThread.class
				: name.startsWith("file-batch") ? VectorStoreFileBatch.class
				: name.startsWith("file") ? OpenAiFile.class
				: name.startsWith("vector-store-file") ? VectorStoreFile.class : VectorStore.class;
		return mapper.constructType(type);
	}

	// Mutations: each takes the body and a source of randomness, and names what it did.

	private record Mutation(String description, byte[] body) {
	}

	private static Mutation mutate(byte[] body, Random random, boolean stream) {
		int kinds = stream ? 12 : 9;
		int at = random.nextInt(Math.max(1, body.length));
		switch (random.nextInt(kinds)) {
			case 0: {
				byte[] copy = body.clone();
				copy[at] = (byte) random.nextInt(256);
				return new Mutation("byte " + at + " set to " + (copy[at] & 0xff), copy);
			}
			case 1:
				return new Mutation("byte " + at + " deleted", concat(slice(body, 0, at), slice(body, at + 1, body.length)));
			case 2: {
				int end = Math.min(body.length, at + 1 + random.nextInt(40));
				return new Mutation("bytes " + at + ".." + end + " duplicated",
						concat(slice(body, 0, end), slice(body, at, body.length)));
			}
			case 3:
				return new Mutation("truncated at " + at, slice(body, 0, at));
			case 4:
				return swapValue(body, random, "\"", "12345");
			case 5:
				return swapValue(body, random, ":", ":{\"unexpected\":[1,{}]}");
			case 6:
				return swapValue(body, random, ":", ":null");
			case 7:
				return swapValue(body, random, ":", ":[\"a\",2,true]");
			case 8: {
				// Deep nesting: the parser's depth limit must stop it, not the stack.
				byte[] deep = ("[".repeat(5_000) + "{\"a\":").getBytes(StandardCharsets.UTF_8);
				return new Mutation("5000 arrays opened at " + at, concat(slice(body, 0, at), deep, slice(body, at, body.length)));
			}
			case 9:
				return replaceOnce(body, random, "\n\n", "\n", "blank line removed");
			case 10:
				return replaceOnce(body, random, "event: thread.run.", "event: thread.message.", "event renamed");
			default:
				return replaceOnce(body, random, "data: ", "", "data field name removed");
		}
	}

	/**
	 * Replaces the value that follows a random occurrence of the marker's first character with another type.
	 */
	private static Mutation swapValue(byte[] body, Random random, String marker, String replacement) {
		String text = new String(body, StandardCharsets.ISO_8859_1);
		List<Integer> positions = positionsOf(text, marker);
		if (positions.isEmpty()) {
			return new Mutation("unchanged", body);
		}
		int start = positions.get(random.nextInt(positions.size()));
		int end = start + 1;
		while (end < text.length() && ",}]\n".indexOf(text.charAt(end)) < 0) {
			end++;
		}
		String mutated = text.substring(0, start) + replacement + text.substring(end);
		return new Mutation("value at " + start + " replaced by " + replacement,
				mutated.getBytes(StandardCharsets.ISO_8859_1));
	}

	private static Mutation replaceOnce(byte[] body, Random random, String target, String replacement,
			String description) {
		String text = new String(body, StandardCharsets.ISO_8859_1);
		List<Integer> positions = positionsOf(text, target);
		if (positions.isEmpty()) {
			return new Mutation("unchanged", body);
		}
		int at = positions.get(random.nextInt(positions.size()));
		String mutated = text.substring(0, at) + replacement + text.substring(at + target.length());
		return new Mutation(description + " at " + at, mutated.getBytes(StandardCharsets.ISO_8859_1));
	}

	private static List<Integer> positionsOf(String text, String target) {
		List<Integer> positions = new ArrayList<>();
		for (int i = text.indexOf(target); i >= 0; i = text.indexOf(target, i + 1)) {
			positions.add(i);
		}
		return positions;
	}

	private static byte[] slice(byte[] body, int from, int to) {
		return Arrays.copyOfRange(body, Math.min(from, body.length), Math.min(to, body.length));
	}

	private static byte[] concat(byte[]... parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (byte[] part : parts) {
			out.writeBytes(part);
		}
		return out.toByteArray();
	}

	// JSON bodies

	@Test
	void mutatedJsonBodiesDecodeOrFailWithJacksonsExceptionAndDecodedObjectsAreSafeToUse() {
		List<Path> bodies = fixtures(".json");
		assertThat(bodies).hasSizeGreaterThan(40);
		int decoded = 0;
		int rejected = 0;
		for (Path fixture : bodies) {
			String name = fixture.getFileName().toString();
			byte[] original = read(fixture);
			JavaType type = typeOf(name);
			assertThat(decode(original, type)).as(name + " unmutated").isNotNull();
			Random random = new Random(name.hashCode());
			for (int i = 0; i < MUTATIONS_PER_BODY; i++) {
				Mutation mutation = mutate(original, random, false);
				String label = name + " #" + i + ": " + mutation.description();
				Object value;
				try {
					value = decode(mutation.body(), type);
				}
				catch (JacksonException ex) {
					// What ApiTransport wraps into AssistantsDecodingException.
					rejected++;
					continue;
				}
				catch (Throwable ex) {
					throw new AssertionError(label + " failed with " + ex, ex);
				}
				decoded++;
				if (value != null) {
					useEveryAccessor(value, label);
				}
			}
		}
		// Both outcomes happen, so the mutations are neither all harmless nor all fatal.
		assertThat(decoded).isGreaterThan(100);
		assertThat(rejected).isGreaterThan(100);
	}

	private static @Nullable Object decode(byte[] body, JavaType type) {
		return mapper.readValue(body, type);
	}

	/**
	 * Calls every public accessor of a decoded object and of the objects it holds, as an application would,
	 * together with {@code toString}, {@code equals} and {@code hashCode}.
	 */
	private static void useEveryAccessor(Object value, String label) {
		useEveryAccessor(value, label, 0);
	}

	private static void useEveryAccessor(@Nullable Object value, String label, int depth) {
		if (value == null || depth > 6 || !value.getClass().getPackageName().startsWith("dev.assistants4j")) {
			if (value instanceof Iterable<?> items && depth <= 6) {
				items.forEach((item) -> useEveryAccessor(item, label, depth + 1));
			}
			return;
		}
		assertThat(value.toString()).isNotNull();
		assertThat(value).isEqualTo(value);
		value.hashCode();
		for (Method method : value.getClass().getMethods()) {
			if (method.getParameterCount() != 0 || Modifier.isStatic(method.getModifiers())
					|| method.getDeclaringClass() == Object.class || method.getReturnType() == void.class
					|| !Modifier.isPublic(method.getDeclaringClass().getModifiers())) {
				continue;
			}
			Object result;
			try {
				result = method.invoke(value);
			}
			catch (InvocationTargetException ex) {
				throw new AssertionError(label + ": " + value.getClass().getSimpleName() + "." + method.getName()
						+ "() failed with " + ex.getCause(), ex.getCause());
			}
			catch (IllegalAccessException ex) {
				continue;
			}
			if (result != value) {
				useEveryAccessor(result, label, depth + 1);
			}
		}
	}

	// Event streams

	private static List<Path> transcripts() {
		List<Path> transcripts = fixtures(".txt");
		assertThat(transcripts).hasSizeGreaterThan(8);
		return transcripts;
	}

	/**
	 * Cuts a body into chunks of 1 to 64 bytes, the cuts falling anywhere, inside a line or a character.
	 */
	private static Flux<DataBuffer> chunks(byte[] body, Random random) {
		List<byte[]> chunks = new ArrayList<>();
		for (int at = 0; at < body.length;) {
			int size = 1 + random.nextInt(64);
			chunks.add(slice(body, at, at + size));
			at += size;
		}
		return Flux.fromIterable(chunks).map(buffers::wrap);
	}

	private static List<SseEvent> sseEvents(Flux<DataBuffer> body) {
		List<SseEvent> events = new ServerSentEventDecoder(1024 * 1024).decode(body).collectList().block(BOUND);
		assertThat(events).isNotNull();
		return events;
	}

	@Test
	void mutatedEventStreamsDecodeTheSameWhereverTheyAreCutAndEveryEventIsTyped() {
		AssistantStreamEventDecoder typed = new AssistantStreamEventDecoder(mapper);
		int events = 0;
		for (Path transcript : transcripts()) {
			String name = transcript.getFileName().toString();
			byte[] original = read(transcript);
			Random random = new Random(name.hashCode());
			for (int i = 0; i <= MUTATIONS_PER_STREAM; i++) {
				Mutation mutation = (i == 0) ? new Mutation("unmutated", original) : mutate(original, random, true);
				String label = name + " #" + i + ": " + mutation.description();
				List<SseEvent> whole;
				List<SseEvent> cut;
				try {
					whole = sseEvents(Flux.just(buffers.wrap(mutation.body())));
					cut = sseEvents(chunks(mutation.body(), random));
				}
				catch (Throwable ex) {
					throw new AssertionError(label + " failed with " + ex, ex);
				}
				assertThat(cut).as(label).isEqualTo(whole);
				for (SseEvent event : whole) {
					AssistantStreamEvent decoded;
					try {
						decoded = typed.decode(event);
					}
					catch (Throwable ex) {
						throw new AssertionError(label + ": event " + event.event() + " failed with " + ex, ex);
					}
					assertThat(decoded.event()).as(label).isEqualTo(event.event());
					useEveryAccessor(decoded, label);
				}
				events += whole.size();
			}
		}
		assertThat(events).isGreaterThan(1_000);
	}

	@Test
	void mutatedRunStreamsOverTheClientEndInEventsOrTheClientsExceptionAndValidOnesLoseNothing() {
		AssistantStreamEventDecoder typed = new AssistantStreamEventDecoder(mapper);
		List<String> outcomes = new ArrayList<>();
		for (Path transcript : transcripts()) {
			String name = transcript.getFileName().toString();
			byte[] original = read(transcript);
			Random random = new Random(~name.hashCode());
			for (int i = 0; i <= MUTATIONS_PER_STREAM; i++) {
				Mutation mutation = (i == 0) ? new Mutation("unmutated", original) : mutate(original, random, true);
				String label = name + " #" + i + ": " + mutation.description();
				List<AssistantStreamEvent> expected = expectedEvents(mutation.body(), typed);
				long seed = random.nextLong();
				InMemoryServer server = new InMemoryServer((exchange) -> eventStream(mutation.body(), new Random(seed)));
				AssistantsClient client = server.client().maxRetries(0).build();
				List<AssistantStreamEvent> received = new CopyOnWriteArrayList<>();
				AtomicReference<@Nullable Throwable> failure = new AtomicReference<>();
				StepVerifier.create(client.runs()
					.createStream("thread_1", CreateRunRequest.builder("asst_1").build())
					.doOnNext(received::add)
					.onErrorResume((ex) -> {
						failure.set(ex);
						return Flux.empty();
					}))
					.thenConsumeWhile((event) -> true)
					.as(label)
					.expectComplete()
					.verify(BOUND);
				if (failure.get() != null) {
					assertThat(failure.get()).as(label).isInstanceOf(AssistantsException.class);
				}
				// Whether the stream completed or failed, every event the body held before its end came out.
				assertThat(received).as(label).isEqualTo(expected);
				outcomes.add((failure.get() != null) ? failure.get().getClass().getSimpleName() : "completed");
			}
		}
		// Mutations that break the run's ending and mutations that leave it whole both happen.
		assertThat(outcomes).contains("completed", "AssistantsStreamException");
	}

	/**
	 * Returns the events a run stream of this body must emit: every event up to {@code done} or
	 * {@code error}, typed.
	 */
	private static List<AssistantStreamEvent> expectedEvents(byte[] body, AssistantStreamEventDecoder typed) {
		List<AssistantStreamEvent> events = new ArrayList<>();
		for (SseEvent event : sseEvents(Flux.just(buffers.wrap(body)))) {
			if ("done".equals(event.event()) || "[DONE]".equals(event.data()) || "error".equals(event.event())) {
				break;
			}
			events.add(typed.decode(event));
		}
		return events;
	}

	private static Mono<ClientHttpResponse> eventStream(byte[] body, Random random) {
		MockClientHttpResponse response = new MockClientHttpResponse(HttpStatus.OK);
		response.getHeaders().setContentType(MediaType.TEXT_EVENT_STREAM);
		response.setBody(chunks(body, random));
		return Mono.just(response);
	}

}
