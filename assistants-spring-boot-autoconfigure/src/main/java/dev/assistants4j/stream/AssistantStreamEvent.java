package dev.assistants4j.stream;

import dev.assistants4j.model.message.Message;
import dev.assistants4j.model.message.MessageDelta;
import dev.assistants4j.model.run.Run;
import dev.assistants4j.model.runstep.RunStep;
import dev.assistants4j.model.runstep.RunStepDelta;
import dev.assistants4j.model.thread.AssistantThread;

/**
 * An event of a streamed run, its data decoded: one type per family of events, each keeping the event's name
 * ({@link #event()}), which tells, say, {@code thread.run.created} from {@code thread.run.queued}.
 *
 * <p>The type follows the name, and only the names the API documents are typed: any other name (a future
 * {@code thread.run.step.paused}, a vendor's {@code ping}) is {@link Unknown}, even when its data looks like a
 * run or a step, so that code written for a family sees only the lifecycle it was written for, and the
 * {@link RunStreamAccumulator} never guesses what an event it does not know means. A documented name whose data
 * does not decode is {@link Unknown} too. Neither is an error: an {@code Unknown} keeps the raw data, which the
 * client's mapper ({@code AssistantsJson.newMapper()}) can still read. {@code done} and {@code error} are not
 * events of this type: they end the stream.
 */
public sealed interface AssistantStreamEvent permits AssistantStreamEvent.ThreadEvent,
		AssistantStreamEvent.RunEvent, AssistantStreamEvent.RunStepEvent, AssistantStreamEvent.RunStepDeltaEvent,
		AssistantStreamEvent.MessageEvent, AssistantStreamEvent.MessageDeltaEvent, AssistantStreamEvent.Unknown {

	/**
	 * Returns the event's name, as the server sent it.
	 * @return the name, such as {@code thread.run.completed}
	 */
	String event();

	/**
	 * A thread was created ({@code thread.created}), when a stream creates the thread it runs on.
	 *
	 * @param event the event's name
	 * @param thread the thread
	 */
	record ThreadEvent(String event, AssistantThread thread) implements AssistantStreamEvent {

		/** A thread was created. */
		public static final String CREATED = "thread.created";

	}

	/**
	 * A run changed status ({@code thread.run.*}); the data is the whole run as it now is.
	 *
	 * @param event the event's name
	 * @param run the run
	 */
	record RunEvent(String event, Run run) implements AssistantStreamEvent {

		/** A run was created. */
		public static final String CREATED = "thread.run.created";

		/** A run moved to {@code queued}. */
		public static final String QUEUED = "thread.run.queued";

		/** A run moved to {@code in_progress}. */
		public static final String IN_PROGRESS = "thread.run.in_progress";

		/** A run waits for tool outputs; the stream ends after it. */
		public static final String REQUIRES_ACTION = "thread.run.requires_action";

		/** A run completed. */
		public static final String COMPLETED = "thread.run.completed";

		/** A run ended at a token limit. */
		public static final String INCOMPLETE = "thread.run.incomplete";

		/** A run failed. */
		public static final String FAILED = "thread.run.failed";

		/** A run moved to {@code cancelling}. */
		public static final String CANCELLING = "thread.run.cancelling";

		/** A run was cancelled. */
		public static final String CANCELLED = "thread.run.cancelled";

		/** A run expired. */
		public static final String EXPIRED = "thread.run.expired";

	}

	/**
	 * A run step changed status ({@code thread.run.step.*}); the data is the whole step as it now is.
	 *
	 * @param event the event's name
	 * @param step the step
	 */
	record RunStepEvent(String event, RunStep step) implements AssistantStreamEvent {

		/** A run step was created. */
		public static final String CREATED = "thread.run.step.created";

		/** A run step moved to {@code in_progress}. */
		public static final String IN_PROGRESS = "thread.run.step.in_progress";

		/** A run step completed. */
		public static final String COMPLETED = "thread.run.step.completed";

		/** A run step failed. */
		public static final String FAILED = "thread.run.step.failed";

		/** A run step was cancelled. */
		public static final String CANCELLED = "thread.run.step.cancelled";

		/** A run step expired. */
		public static final String EXPIRED = "thread.run.step.expired";

	}

	/**
	 * A run step grew ({@code thread.run.step.delta}), such as by a piece of a function call's arguments.
	 *
	 * @param event the event's name
	 * @param delta what changed
	 */
	record RunStepDeltaEvent(String event, RunStepDelta delta) implements AssistantStreamEvent {

		/** A run step grew. */
		public static final String DELTA = "thread.run.step.delta";

	}

	/**
	 * A message changed status ({@code thread.message.*}); the data is the whole message as it now is.
	 *
	 * @param event the event's name
	 * @param message the message
	 */
	record MessageEvent(String event, Message message) implements AssistantStreamEvent {

		/** A message was created. */
		public static final String CREATED = "thread.message.created";

		/** A message moved to {@code in_progress}. */
		public static final String IN_PROGRESS = "thread.message.in_progress";

		/** A message completed. */
		public static final String COMPLETED = "thread.message.completed";

		/** A message ended before it was complete, such as at {@code max_tokens}. */
		public static final String INCOMPLETE = "thread.message.incomplete";

	}

	/**
	 * A message grew ({@code thread.message.delta}), such as by a piece of its text.
	 *
	 * @param event the event's name
	 * @param delta what changed
	 */
	record MessageDeltaEvent(String event, MessageDelta delta) implements AssistantStreamEvent {

		/** A message grew. */
		public static final String DELTA = "thread.message.delta";

	}

	/**
	 * An event whose name this version does not know, or whose data does not decode as its name says.
	 *
	 * @param event the event's name
	 * @param data the event's data, exactly as received
	 */
	record Unknown(String event, String data) implements AssistantStreamEvent {

	}

}
