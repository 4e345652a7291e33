package dev.assistants4j.stream;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.assistants4j.model.message.MessageContentDelta;
import dev.assistants4j.model.message.MessageStatus;
import dev.assistants4j.model.run.RunStatus;
import dev.assistants4j.model.runstep.RunStepStatus;
import dev.assistants4j.model.runstep.StepDetailsDelta;
import dev.assistants4j.model.runstep.ToolCallDelta;
import dev.assistants4j.stream.AssistantStreamEvent.MessageDeltaEvent;
import dev.assistants4j.stream.AssistantStreamEvent.MessageEvent;
import dev.assistants4j.stream.AssistantStreamEvent.RunEvent;
import dev.assistants4j.stream.AssistantStreamEvent.RunStepDeltaEvent;
import dev.assistants4j.stream.AssistantStreamEvent.RunStepEvent;
import dev.assistants4j.stream.AssistantStreamEvent.ThreadEvent;
import dev.assistants4j.stream.AssistantStreamEvent.Unknown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The name of an event picks its type and the data is read as that type's object; nothing a server sends
 * fails the decoding. Both ways in are run: data as a string, and data as bytes inside a larger array, which
 * must also type every event as the string does.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(AssistantStreamEventDecoderTests.Input.class)
class AssistantStreamEventDecoderTests {

	private static final String RUN = """
			{"id":"run_1","object":"thread.run","thread_id":"thread_1","status":"%s","metadata":{}}""";

	private static final String STEP = """
			{"id":"step_1","object":"thread.run.step","run_id":"run_1","type":"message_creation","status":"%s",\
			"step_details":{"type":"message_creation","message_creation":{"message_id":"msg_1"}}}""";

	private static final String MESSAGE = """
			{"id":"msg_1","object":"thread.message","role":"assistant","status":"%s","content":[]}""";

	// A run whose metadata value the test ends: what comes next is inside a JSON string.
	private static final String RUN_WITH_METADATA_START = "{\"id\":\"run_1\",\"object\":\"thread.run\","
			+ "\"thread_id\":\"thread_1\",\"status\":\"queued\",\"metadata\":{\"note\":\"";

	private final AssistantStreamEventDecoder decoder = new AssistantStreamEventDecoder();

	@Parameter
	Input input;

	private AssistantStreamEvent decode(String name, String data) {
		AssistantStreamEvent fromString = this.decoder.decode(new SseEvent(name, data));
		if (this.input == Input.STRING) {
			return fromString;
		}
		AssistantStreamEvent fromBytes = decodeInside(name, data.getBytes(StandardCharsets.UTF_8));
		assertThat(fromBytes).as("decoded from bytes").isEqualTo(fromString);
		return fromBytes;
	}

	/**
	 * Decodes the bytes from the middle of an array whose other bytes would change the JSON if read.
	 */
	private AssistantStreamEvent decodeInside(String name, byte[] data) {
		byte[] array = new byte[data.length + 6];
		Arrays.fill(array, (byte) '[');
		Arrays.fill(array, 3 + data.length, array.length, (byte) 'x');
		System.arraycopy(data, 0, array, 3, data.length);
		return this.decoder.decode(name, array, 3, data.length);
	}

	enum Input {

		STRING, BYTES

	}

	static Stream<Arguments> runEvents() {
		return Stream.of(arguments(RunEvent.CREATED, "queued"), arguments(RunEvent.QUEUED, "queued"),
				arguments(RunEvent.IN_PROGRESS, "in_progress"), arguments(RunEvent.REQUIRES_ACTION, "requires_action"),
				arguments(RunEvent.COMPLETED, "completed"), arguments(RunEvent.INCOMPLETE, "incomplete"),
				arguments(RunEvent.FAILED, "failed"), arguments(RunEvent.CANCELLING, "cancelling"),
				arguments(RunEvent.CANCELLED, "cancelled"), arguments(RunEvent.EXPIRED, "expired"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("runEvents")
	void everyRunEventCarriesTheRunAndItsName(String name, String status) {
		AssistantStreamEvent event = decode(name, RUN.formatted(status));
		assertThat(event).isInstanceOfSatisfying(RunEvent.class, (runEvent) -> {
			assertThat(runEvent.event()).isEqualTo(name);
			assertThat(runEvent.run().id()).isEqualTo("run_1");
			assertThat(runEvent.run().threadId()).isEqualTo("thread_1");
			assertThat(runEvent.run().status()).isEqualTo(RunStatus.of(status));
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { RunStepEvent.CREATED, RunStepEvent.IN_PROGRESS, RunStepEvent.COMPLETED,
			RunStepEvent.FAILED, RunStepEvent.CANCELLED, RunStepEvent.EXPIRED })
	void everyRunStepEventCarriesTheStep(String name) {
		String status = name.substring("thread.run.step.".length());
		assertThat(decode(name, STEP.formatted(status))).isInstanceOfSatisfying(RunStepEvent.class, (stepEvent) -> {
			assertThat(stepEvent.event()).isEqualTo(name);
			assertThat(stepEvent.step().id()).isEqualTo("step_1");
			assertThat(stepEvent.step().status()).isEqualTo(RunStepStatus.of(status));
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { MessageEvent.CREATED, MessageEvent.IN_PROGRESS, MessageEvent.COMPLETED,
			MessageEvent.INCOMPLETE })
	void everyMessageEventCarriesTheMessage(String name) {
		String status = name.equals(MessageEvent.CREATED) ? "in_progress" : name.substring("thread.message.".length());
		assertThat(decode(name, MESSAGE.formatted(status))).isInstanceOfSatisfying(MessageEvent.class, (messageEvent) -> {
			assertThat(messageEvent.event()).isEqualTo(name);
			assertThat(messageEvent.message().id()).isEqualTo("msg_1");
			assertThat(messageEvent.message().status()).isEqualTo(MessageStatus.of(status));
		});
	}

	@Test
	void threadCreatedCarriesTheThread() {
		assertThat(decode("thread.created", """
				{"id":"thread_1","object":"thread","created_at":1710351818,"metadata":{"user":"u1"}}"""))
			.isInstanceOfSatisfying(ThreadEvent.class, (event) -> {
				assertThat(event.event()).isEqualTo(ThreadEvent.CREATED);
				assertThat(event.thread().id()).isEqualTo("thread_1");
				assertThat(event.thread().metadata()).containsEntry("user", "u1");
			});
	}

	@Test
	void deltasCarryTheirIndexedParts() {
		assertThat(decode("thread.message.delta", """
				{"id":"msg_1","object":"thread.message.delta","delta":{"content":[{"index":0,"type":"text",\
				"text":{"value":"Hi"}}]}}""")).isInstanceOfSatisfying(MessageDeltaEvent.class, (event) -> {
			assertThat(event.event()).isEqualTo(MessageDeltaEvent.DELTA);
			assertThat(event.delta().id()).isEqualTo("msg_1");
			assertThat(event.delta().delta().content()).containsExactly(
					new MessageContentDelta.Text(0, new MessageContentDelta.TextDelta("Hi", null)));
		});
		assertThat(decode("thread.run.step.delta", """
				{"id":"step_1","object":"thread.run.step.delta","delta":{"step_details":{"type":"tool_calls",\
				"tool_calls":[{"index":1,"type":"function","function":{"arguments":"{}"}}]}}}"""))
			.isInstanceOfSatisfying(RunStepDeltaEvent.class, (event) -> {
				assertThat(event.event()).isEqualTo(RunStepDeltaEvent.DELTA);
				assertThat(((StepDetailsDelta.ToolCalls) event.delta().delta().stepDetails()).toolCalls())
					.singleElement()
					.isInstanceOfSatisfying(ToolCallDelta.Function.class, (call) -> {
						assertThat(call.index()).isEqualTo(1);
						assertThat(call.function().arguments()).isEqualTo("{}");
					});
			});
	}

	@ParameterizedTest
	@ValueSource(strings = { "thread.run.step.paused", "thread.run.paused", "ping", "message", "thread.run",
			"Thread.Run.Completed", "thread.run.completed.v2" })
	void anyOtherNameIsUnknownWithItsDataVerbatimEvenWhenTheDataIsARun(String name) {
		String data = RUN.formatted("paused");
		assertThat(decode(name, data)).isEqualTo(new Unknown(name, data));
	}

	@ParameterizedTest
	@ValueSource(strings = { "not json", "", "null", "[1,2]", "\"queued\"", "{\"id\":", "42" })
	void knownNameWhoseDataDoesNotDecodeIsUnknown(String data) {
		assertThat(decode(RunEvent.COMPLETED, data)).isEqualTo(new Unknown(RunEvent.COMPLETED, data));
		assertThat(decode(MessageDeltaEvent.DELTA, data)).isEqualTo(new Unknown(MessageDeltaEvent.DELTA, data));
	}

	@Test
	void runClosedOnceTooOftenAsInTheSpecExamplesIsStillARun() {
		assertThat(decode(RunEvent.QUEUED, RUN.formatted("queued") + "}")).isInstanceOfSatisfying(RunEvent.class,
				(event) -> assertThat(event.run().status()).isEqualTo(RunStatus.QUEUED));
	}

	@Test
	void nullEventIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.decoder.decode(null))
			.withMessageContaining("'event'");
	}

	static Stream<Arguments> oddBytes() {
		return Stream.of(arguments("an overlong two-byte form", bytes(0xC1, 0xA9)),
				arguments("an overlong three-byte form", bytes(0xE0, 0x81, 0xA9)),
				arguments("a surrogate", bytes(0xED, 0xA0, 0x80)),
				arguments("a code point beyond U+10FFFF", bytes(0xF4, 0x90, 0x80, 0x80)),
				arguments("a lone continuation byte", bytes(0x80)), arguments("a byte never in UTF-8", bytes(0xFF)),
				arguments("a sequence cut short", bytes(0xE2, 0x82)),
				arguments("well-formed characters of every length", utf8("h\u00e9 \u20ac \ud83c\udf89")));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("oddBytes")
	void bytesInTheDataTypeTheEventAsTheStringTheyDecodeToDoes(String description, byte[] odd) {
		for (byte[] data : new byte[][] { concat(utf8(RUN_WITH_METADATA_START), odd, utf8("\"}}")),
				concat(utf8(RUN_WITH_METADATA_START), odd, odd, odd, odd, odd, odd, odd, odd, utf8("\"}}")),
				concat(odd, utf8(RUN.formatted("queued"))) }) {
			String string = new String(data, StandardCharsets.UTF_8);
			assertThat(decodeInside(RunEvent.QUEUED, data)).as(description)
				.isEqualTo(this.decoder.decode(new SseEvent(RunEvent.QUEUED, string)));
		}
	}

	@Test
	void bytesThatAJsonParserWouldTakeForAnotherEncodingTypeTheEventAsTheirStringDoes() {
		for (byte[] data : new byte[][] { concat(bytes(0xEF, 0xBB, 0xBF), utf8(RUN.formatted("queued"))),
				concat(bytes(0), utf8(RUN.formatted("queued"))), concat(utf8("{"), bytes(0), utf8("}")),
				utf8("{"), bytes(0) }) {
			String string = new String(data, StandardCharsets.UTF_8);
			assertThat(decodeInside(RunEvent.QUEUED, data))
				.isEqualTo(this.decoder.decode(new SseEvent(RunEvent.QUEUED, string)));
		}
	}

	@Test
	void aRangeOutsideTheArrayIsRejected() {
		byte[] data = utf8(RUN.formatted("queued"));
		assertThatExceptionOfType(IndexOutOfBoundsException.class)
			.isThrownBy(() -> this.decoder.decode(RunEvent.QUEUED, data, 1, data.length));
		assertThatExceptionOfType(IndexOutOfBoundsException.class)
			.isThrownBy(() -> this.decoder.decode(RunEvent.QUEUED, data, -1, 2));
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] bytes(int... values) {
		byte[] bytes = new byte[values.length];
		for (int i = 0; i < values.length; i++) {
			bytes[i] = (byte) values[i];
		}
		return bytes;
	}

	private static byte[] concat(byte[]... parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (byte[] part : parts) {
			out.writeBytes(part);
		}
		return out.toByteArray();
	}

}
