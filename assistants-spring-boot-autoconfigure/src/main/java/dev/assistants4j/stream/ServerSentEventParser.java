package dev.assistants4j.stream;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;

/**
 * The state of one event stream as the WHATWG "interpret an event stream" algorithm keeps it, fed with bytes
 * as they arrive. Lines are parsed from bytes: only an event's data, and a name or id the stream has not
 * sent before, become strings. Since every byte that ends a line or separates a field is ASCII, decoding
 * each value on its own gives the same text as decoding the whole stream first, whatever the chunking.
 *
 * <p>Not thread-safe: one instance per subscription, fed serially.
 */
final class ServerSentEventParser {

	private static final byte LF = '\n';

	private static final byte CR = '\r';

	private static final byte COLON = ':';

	private static final byte SPACE = ' ';

	private static final byte[] BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

	private static final byte[] DATA = field("data");

	private static final byte[] EVENT = field("event");

	private static final byte[] ID = field("id");

	private static final int NAME_CACHE_SIZE = 32;

	private final int maxEventSize;

	/** Bytes not parsed yet: the start of a line whose end has not arrived, then the newest chunk. */
	private byte[] pending = new byte[1024];

	private int pendingLength;

	/** How much of {@link #pending} is known to hold no line end. */
	private int scanned;

	private byte[] data = new byte[1024];

	private int dataLength;

	private @Nullable String eventType;

	private @Nullable String lastEventId;

	/** The last line ended in a CR at the end of a chunk: an LF starting the next one ends no other line. */
	private boolean skipLineFeed;

	private boolean bomChecked;

	/** Event names seen so far: a stream repeats a handful of names, each event would otherwise copy its own. */
	private final String[] names = new String[NAME_CACHE_SIZE];

	private int nextName;

	/** The events the current chunk completed. */
	private @Nullable List<SseEvent> completed;

	private @Nullable DataBufferLimitException failure;

	ServerSentEventParser(int maxEventSize) {
		this.maxEventSize = maxEventSize;
	}

	/**
	 * Reads a chunk of the stream, without releasing it. When a line or an event's data grows beyond the
	 * maximum event size, parsing stops for good and {@link #failure()} tells why; the events completed
	 * before that point are still returned.
	 * @return the events the chunk completed, oldest first
	 */
	List<SseEvent> feed(DataBuffer chunk) {
		int length = chunk.readableByteCount();
		if (this.pendingLength + length > this.pending.length) {
			this.pending = Arrays.copyOf(this.pending, Math.max(this.pendingLength + length, this.pending.length * 2));
		}
		chunk.read(this.pending, this.pendingLength, length);
		this.pendingLength += length;
		return parse(false);
	}

	/**
	 * Ends the stream. Unlike a browser, which drops an event whose blank line never came, this dispatches it:
	 * servers end streams right after their last line.
	 * @return the last event, if any
	 */
	List<SseEvent> finish() {
		return parse(true);
	}

	/**
	 * Returns why parsing stopped, if it did.
	 */
	@Nullable DataBufferLimitException failure() {
		return this.failure;
	}

	private List<SseEvent> parse(boolean endOfStream) {
		if (this.failure == null) {
			try {
				readLines(endOfStream);
			}
			catch (DataBufferLimitException ex) {
				this.failure = ex;
			}
		}
		List<SseEvent> events = this.completed;
		this.completed = null;
		return (events != null) ? events : List.of();
	}

	private void readLines(boolean endOfStream) {
		byte[] bytes = this.pending;
		int limit = this.pendingLength;
		int lineStart = 0;
		if (!this.bomChecked) {
			if (!endOfStream && limit < BOM.length && Arrays.equals(bytes, 0, limit, BOM, 0, limit)) {
				return;
			}
			this.bomChecked = true;
			if (limit >= BOM.length && Arrays.equals(bytes, 0, BOM.length, BOM, 0, BOM.length)) {
				lineStart = BOM.length;
			}
		}
		if (this.skipLineFeed && lineStart < limit) {
			this.skipLineFeed = false;
			if (bytes[lineStart] == LF) {
				lineStart++;
			}
		}
		for (int i = Math.max(lineStart, this.scanned); i < limit; i++) {
			byte b = bytes[i];
			if (b != LF && b != CR) {
				continue;
			}
			line(bytes, lineStart, i);
			if (b == CR) {
				if (i + 1 == limit) {
					this.skipLineFeed = true;
				}
				else if (bytes[i + 1] == LF) {
					i++;
				}
			}
			lineStart = i + 1;
		}
		if (endOfStream) {
			if (lineStart < limit) {
				line(bytes, lineStart, limit);
			}
			dispatch();
			lineStart = limit;
		}
		int rest = limit - lineStart;
		checkSize(rest);
		if (lineStart > 0) {
			System.arraycopy(bytes, lineStart, bytes, 0, rest);
		}
		this.pendingLength = rest;
		this.scanned = rest;
	}

	private void line(byte[] bytes, int start, int end) {
		if (start == end) {
			dispatch();
			return;
		}
		checkSize(end - start);
		if (bytes[start] == COLON) {
			return;
		}
		int nameEnd = start;
		while (nameEnd < end && bytes[nameEnd] != COLON) {
			nameEnd++;
		}
		int valueStart = nameEnd;
		if (valueStart < end) {
			valueStart++;
			if (valueStart < end && bytes[valueStart] == SPACE) {
				valueStart++;
			}
		}
		if (is(DATA, bytes, start, nameEnd)) {
			appendData(bytes, valueStart, end);
		}
		else if (is(EVENT, bytes, start, nameEnd)) {
			this.eventType = (valueStart < end) ? name(bytes, valueStart, end) : null;
		}
		else if (is(ID, bytes, start, nameEnd) && !containsNul(bytes, valueStart, end)) {
			this.lastEventId = (valueStart < end)
					? new String(bytes, valueStart, end - valueStart, StandardCharsets.UTF_8) : null;
		}
		// "retry" sets a browser's reconnection delay: a client that does not reconnect has no use for it.
	}

	private void appendData(byte[] bytes, int start, int end) {
		int length = end - start;
		checkSize(this.dataLength + length);
		if (this.dataLength + length + 1 > this.data.length) {
			this.data = Arrays.copyOf(this.data, Math.max(this.dataLength + length + 1, this.data.length * 2));
		}
		System.arraycopy(bytes, start, this.data, this.dataLength, length);
		this.dataLength += length;
		this.data[this.dataLength++] = LF;
	}

	private void dispatch() {
		String type = this.eventType;
		this.eventType = null;
		if (this.dataLength == 0) {
			return;
		}
		// Every data line appended an LF: the last one is not part of the data.
		String value = new String(this.data, 0, this.dataLength - 1, StandardCharsets.UTF_8);
		this.dataLength = 0;
		if (this.completed == null) {
			this.completed = new ArrayList<>(4);
		}
		this.completed.add(new SseEvent((type != null) ? type : SseEvent.DEFAULT_EVENT, value,
				this.lastEventId));
	}

	private void checkSize(int size) {
		if (size > this.maxEventSize) {
			throw new DataBufferLimitException("A server-sent event line or data exceeded the limit of "
					+ this.maxEventSize + " bytes");
		}
	}

	private String name(byte[] bytes, int start, int end) {
		for (String cached : this.names) {
			if (cached != null && isAscii(cached, bytes, start, end)) {
				return cached;
			}
		}
		String name = new String(bytes, start, end - start, StandardCharsets.UTF_8);
		if (name.length() == end - start) {
			this.names[this.nextName] = name;
			this.nextName = (this.nextName + 1) % NAME_CACHE_SIZE;
		}
		return name;
	}

	/**
	 * Tells whether the bytes are the ASCII encoding of the string: a byte above 0x7F is negative and never
	 * equals a char.
	 */
	private static boolean isAscii(String string, byte[] bytes, int start, int end) {
		if (string.length() != end - start) {
			return false;
		}
		for (int i = start; i < end; i++) {
			if (bytes[i] != string.charAt(i - start)) {
				return false;
			}
		}
		return true;
	}

	private static boolean is(byte[] field, byte[] bytes, int start, int end) {
		return Arrays.equals(field, 0, field.length, bytes, start, end);
	}

	private static boolean containsNul(byte[] bytes, int start, int end) {
		for (int i = start; i < end; i++) {
			if (bytes[i] == 0) {
				return true;
			}
		}
		return false;
	}

	private static byte[] field(String name) {
		return name.getBytes(StandardCharsets.US_ASCII);
	}

}
