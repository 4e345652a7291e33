package dev.assistants4j.stream;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

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

	private final ObjectMapper mapper;

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
		this.mapper = mapper;
	}

	/**
	 * Types an event.
	 * @param event the event as decoded from the stream
	 * @return the typed event; {@link AssistantStreamEvent.Unknown} for a name this version does not know or
	 * data that does not decode as its name says
	 */
	public AssistantStreamEvent decode(SseEvent event) {
		Assert.notNull(event, "'event' must not be null");
		Family<?> family = FAMILIES.get(event.event());
		if (family == null) {
			if (logger.isDebugEnabled()) {
				logger.debug("Stream event " + event.event() + " is unknown; passed on as Unknown");
			}
			return new Unknown(event.event(), event.data());
		}
		return family.decode(event, this.mapper);
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

		AssistantStreamEvent decode(SseEvent event, ObjectMapper mapper) {
			T data;
			try {
				data = mapper.readValue(event.data(), this.type);
			}
			catch (JacksonException ex) {
				// Only the failure's kind: Jackson's message quotes the data, which holds user content.
				if (logger.isDebugEnabled()) {
					logger.debug("Stream event " + event.event() + " has data that is not a "
							+ this.type.getSimpleName() + " (" + ex.getClass().getSimpleName() + "); passed on as Unknown");
				}
				return new Unknown(event.event(), event.data());
			}
			return (data != null) ? this.create.apply(event.event(), data) : new Unknown(event.event(), event.data());
		}

	}

}
