package dev.assistants4j.stream;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.ObjectReader;

import org.springframework.util.Assert;

import dev.assistants4j.model.json.AssistantsJson;
import dev.assistants4j.model.message.Message;
import dev.assistants4j.model.message.MessageDelta;
import dev.assistants4j.model.run.Run;
import dev.assistants4j.model.runstep.RunStep;
import dev.assistants4j.model.runstep.RunStepDelta;
import dev.assistants4j.model.thread.AssistantThread;
import dev.assistants4j.stream.AssistantStreamEvent.MessageDeltaEvent;
import dev.assistants4j.stream.AssistantStreamEvent.MessageEvent;
import dev.assistants4j.stream.AssistantStreamEvent.RunEvent;
import dev.assistants4j.stream.AssistantStreamEvent.RunStepDeltaEvent;
import dev.assistants4j.stream.AssistantStreamEvent.RunStepEvent;
import dev.assistants4j.stream.AssistantStreamEvent.ThreadEvent;
import dev.assistants4j.stream.AssistantStreamEvent.Unknown;

/**
 * Types the server-sent events of a streamed run: the event's name picks the family, and the data is read as
 * that family's object. It never fails: an unknown name, or data that does not decode, gives
 * {@link AssistantStreamEvent.Unknown}. Instances are immutable and thread-safe.
 */
public final class AssistantStreamEventDecoder {

	private static final Log logger = LogFactory.getLog(AssistantStreamEventDecoder.class);

	private static final Map<String, Family<?>> FAMILIES = families(
			new Family<>(AssistantThread.class, ThreadEvent::new, List.of(ThreadEvent.CREATED)),
			new Family<>(Run.class, RunEvent::new,
					List.of(RunEvent.CREATED, RunEvent.QUEUED, RunEvent.IN_PROGRESS, RunEvent.REQUIRES_ACTION,
							RunEvent.COMPLETED, RunEvent.INCOMPLETE, RunEvent.FAILED, RunEvent.CANCELLING,
							RunEvent.CANCELLED, RunEvent.EXPIRED)),
			new Family<>(RunStep.class, RunStepEvent::new,
					List.of(RunStepEvent.CREATED, RunStepEvent.IN_PROGRESS, RunStepEvent.COMPLETED,
							RunStepEvent.FAILED, RunStepEvent.CANCELLED, RunStepEvent.EXPIRED)),
			new Family<>(RunStepDelta.class, RunStepDeltaEvent::new, List.of(RunStepDeltaEvent.DELTA)),
			new Family<>(Message.class, MessageEvent::new,
					List.of(MessageEvent.CREATED, MessageEvent.IN_PROGRESS, MessageEvent.COMPLETED,
							MessageEvent.INCOMPLETE)),
			new Family<>(MessageDelta.class, MessageDeltaEvent::new, List.of(MessageDeltaEvent.DELTA)));

	private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

	private static final long HIGH_BITS = 0x8080808080808080L;

	/** The reader of each family's type, by family. */
	private final Map<Family<?>, ObjectReader> readers;

	/**
	 * Creates a decoder with a mapper of its own, for events read from elsewhere than the client.
	 */
	public AssistantStreamEventDecoder() {
		this(AssistantsJson.newMapper());
	}

	/**
	 * Creates a decoder.
	 * @param mapper a mapper configured as {@link AssistantsJson#newMapper()} configures one
	 */
	public AssistantStreamEventDecoder(ObjectMapper mapper) {
		Assert.notNull(mapper, "'mapper' must not be null");
		Map<Family<?>, ObjectReader> readers = new IdentityHashMap<>();
		for (Family<?> family : FAMILIES.values()) {
			readers.computeIfAbsent(family, (key) -> mapper.readerFor(key.type()));
		}
		this.readers = readers;
	}

	/**
	 * Types an event.
	 * @param event the event as decoded from the stream
	 * @return the typed event; {@link AssistantStreamEvent.Unknown} for a name this version does not know or
	 * data that does not decode as its name says
	 */
	public AssistantStreamEvent decode(SseEvent event) {
		Assert.notNull(event, "'event' must not be null");
		Family<?> family = family(event.event());
		if (family == null) {
			return new Unknown(event.event(), event.data());
		}
		return decode(family, event.event(), event.data());
	}

	/**
	 * Types an event whose data is still the UTF-8 bytes it arrived as, reading the JSON from the bytes
	 * themselves: the same event as {@link #decode(SseEvent)} gives for the data decoded into a string, only
	 * without the string, which only an {@link AssistantStreamEvent.Unknown} carries.
	 * @param event the event's name
	 * @param data an array holding the data
	 * @param offset where the data starts in the array
	 * @param length how many bytes the data has
	 * @return the typed event; {@link AssistantStreamEvent.Unknown} for a name this version does not know or
	 * data that does not decode as its name says
	 * @throws IndexOutOfBoundsException if the range is not inside the array
	 */
	public AssistantStreamEvent decode(String event, byte[] data, int offset, int length) {
		Assert.hasLength(event, "'event' must not be empty");
		Assert.notNull(data, "'data' must not be null");
		Objects.checkFromIndexSize(offset, length, data.length);
		Family<?> family = family(event);
		if (family == null) {
			return new Unknown(event, string(data, offset, length));
		}
		if (!readsAsItsString(data, offset, length)) {
			// Malformed UTF-8 becomes U+FFFD in a string, which the JSON parser of bytes would not do.
			return decode(family, event, string(data, offset, length));
		}
		Object value;
		try {
			value = this.readers.get(family).readValue(data, offset, length);
		}
		catch (JacksonException ex) {
			return undecodable(family, event, string(data, offset, length), ex);
		}
		return typed(family, event, value, data, offset, length);
	}

	private static @Nullable Family<?> family(String event) {
		Family<?> family = FAMILIES.get(event);
		if (family == null && logger.isDebugEnabled()) {
			logger.debug("Stream event " + event + " is unknown; passed on as Unknown");
		}
		return family;
	}

	private AssistantStreamEvent decode(Family<?> family, String event, String data) {
		Object value;
		try {
			value = this.readers.get(family).readValue(data);
		}
		catch (JacksonException ex) {
			return undecodable(family, event, data, ex);
		}
		return (value != null) ? family.create(event, value) : new Unknown(event, data);
	}

	private static AssistantStreamEvent typed(Family<?> family, String event, @Nullable Object value, byte[] data,
			int offset, int length) {
		return (value != null) ? family.create(event, value) : new Unknown(event, string(data, offset, length));
	}

	private static AssistantStreamEvent undecodable(Family<?> family, String event, String data,
			JacksonException ex) {
		// Only the failure's kind: Jackson's message quotes the data, which holds user content.
		if (logger.isDebugEnabled()) {
			logger.debug("Stream event " + event + " has data that is not a " + family.type().getSimpleName() + " ("
					+ ex.getClass().getSimpleName() + "); passed on as Unknown");
		}
		return new Unknown(event, data);
	}

	private static String string(byte[] data, int offset, int length) {
		return new String(data, offset, length, StandardCharsets.UTF_8);
	}

	/**
	 * Tells whether the JSON parser of bytes reads these bytes as the parser of strings reads the string
	 * they decode to: well-formed UTF-8, which the parser of bytes does not check in full, and nothing that
	 * makes it take the bytes for another encoding (a zero byte among the first two, a byte order mark).
	 */
	static boolean readsAsItsString(byte[] data, int offset, int length) {
		if (length < 2 || data[offset] == 0 || data[offset + 1] == 0 || data[offset] == (byte) 0xEF) {
			return false;
		}
		int end = offset + length;
		int i = offset;
		while (i < end) {
			if (end - i >= Long.BYTES && ((long) LONGS.get(data, i) & HIGH_BITS) == 0) {
				i += Long.BYTES;
				continue;
			}
			int b = data[i];
			if (b >= 0) {
				i++;
				continue;
			}
			int size = utf8Sequence(data, i, end);
			if (size == 0) {
				return false;
			}
			i += size;
		}
		return true;
	}

	/**
	 * Returns the length of the well-formed UTF-8 sequence of more than one byte at the index, 0 if there is
	 * none (Unicode table 3-7: no overlong form, no surrogate, nothing beyond U+10FFFF).
	 */
	private static int utf8Sequence(byte[] data, int i, int end) {
		int b = data[i] & 0xFF;
		if (b < 0xC2 || b > 0xF4) {
			return 0;
		}
		int size = (b < 0xE0) ? 2 : (b < 0xF0) ? 3 : 4;
		if (end - i < size) {
			return 0;
		}
		int second = data[i + 1] & 0xFF;
		int low = 0x80;
		int high = 0xBF;
		if (b == 0xE0) {
			low = 0xA0;
		}
		else if (b == 0xED) {
			high = 0x9F;
		}
		else if (b == 0xF0) {
			low = 0x90;
		}
		else if (b == 0xF4) {
			high = 0x8F;
		}
		if (second < low || second > high) {
			return 0;
		}
		for (int j = i + 2; j < i + size; j++) {
			if ((data[j] & 0xC0) != 0x80) {
				return 0;
			}
		}
		return size;
	}

	private static Map<String, Family<?>> families(Family<?>... families) {
		Map<String, Family<?>> byName = new HashMap<>();
		for (Family<?> family : families) {
			family.names().forEach((name) -> byName.put(name, family));
		}
		return Map.copyOf(byName);
	}

	/**
	 * The events whose data is one type of object.
	 */
	private record Family<T>(Class<T> type, BiFunction<String, T, AssistantStreamEvent> create,
			List<String> names) {

		AssistantStreamEvent create(String event, Object value) {
			return this.create.apply(event, this.type.cast(value));
		}

	}

}
