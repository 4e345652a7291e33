package dev.assistants4j.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.assistants4j.model.message.Attachment;
import dev.assistants4j.model.message.CreateMessageRequest;
import dev.assistants4j.model.message.InputPart;
import dev.assistants4j.model.message.InputText;
import dev.assistants4j.model.message.Message;
import dev.assistants4j.model.message.MessageContent;
import dev.assistants4j.model.message.MessageIncompleteReason;
import dev.assistants4j.model.message.MessageRole;
import dev.assistants4j.model.message.MessageStatus;
import dev.assistants4j.model.message.TextContent;

/**
 * A message of a thread: one a client wrote, complete at once, or the answer a run is writing. Guarded by its
 * thread's lock.
 */
final class MessageState {

	static final String PREFIX = "msg_";

	private final String id;

	private final String threadId;

	private final long createdAt;

	private final MessageRole role;

	private final List<MessageContent> written;

	private final @Nullable String assistantId;

	private final @Nullable String runId;

	private final List<Attachment> attachments;

	private final StringBuilder answer = new StringBuilder();

	private Map<String, String> metadata;

	private MessageStatus status;

	private @Nullable Long completedAt;

	private @Nullable Long incompleteAt;

	private Message.@Nullable IncompleteDetails incompleteDetails;

	private MessageState(String threadId, long createdAt, MessageRole role, List<MessageContent> written,
			@Nullable String assistantId, @Nullable String runId, List<Attachment> attachments,
			Map<String, String> metadata, MessageStatus status) {
		this.id = Ids.next(PREFIX);
		this.threadId = threadId;
		this.createdAt = createdAt;
		this.role = role;
		this.written = written;
		this.assistantId = assistantId;
		this.runId = runId;
		this.attachments = attachments;
		this.metadata = metadata;
		this.status = status;
	}

	/**
	 * A message a client wrote, complete as soon as it is added.
	 */
	static MessageState written(String threadId, CreateMessageRequest request, long now) {
		MessageState message = new MessageState(threadId, now, request.role(), content(request.content()), null,
				null, (request.attachments() != null) ? request.attachments() : List.of(),
				(request.metadata() != null) ? request.metadata() : Map.of(), MessageStatus.COMPLETED);
		message.completedAt = now;
		return message;
	}

	/**
	 * The answer a run starts writing.
	 */
	static MessageState answer(String threadId, String assistantId, String runId, long now) {
		return new MessageState(threadId, now, MessageRole.ASSISTANT, List.of(), assistantId, runId, List.of(),
				Map.of(), MessageStatus.IN_PROGRESS);
	}

	private static List<MessageContent> content(CreateMessageRequest.Content content) {
		if (content instanceof CreateMessageRequest.Content.Text text) {
			return List.of(text(text.text()));
		}
		List<MessageContent> parts = new ArrayList<>();
		for (InputPart part : ((CreateMessageRequest.Content.Parts) content).parts()) {
			if (part instanceof InputText text) {
				parts.add(text((text.text() != null) ? text.text() : ""));
			}
			else if (part instanceof MessageContent image) {
				parts.add(image);
			}
			else if (part instanceof InputPart.Unknown unknown) {
				parts.add(new MessageContent.Unknown(unknown.type(), unknown.raw()));
			}
		}
		return List.copyOf(parts);
	}

	private static TextContent text(String value) {
		return new TextContent(new TextContent.Text(value, List.of()));
	}

	String id() {
		return this.id;
	}

	@Nullable String runId() {
		return this.runId;
	}

	boolean isFirstChunk() {
		return this.answer.isEmpty();
	}

	void append(String chunk) {
		this.answer.append(chunk);
	}

	boolean isInProgress() {
		return MessageStatus.IN_PROGRESS.equals(this.status);
	}

	void complete(long now) {
		this.status = MessageStatus.COMPLETED;
		this.completedAt = now;
	}

	void incomplete(MessageIncompleteReason reason, long now) {
		this.status = MessageStatus.INCOMPLETE;
		this.incompleteAt = now;
		this.incompleteDetails = new Message.IncompleteDetails(reason);
	}

	void metadata(Map<String, String> metadata) {
		this.metadata = metadata;
	}

	Message toWire() {
		List<MessageContent> content = (this.runId == null) ? this.written
				: (this.answer.isEmpty() ? List.of() : List.of(text(this.answer.toString())));
		return new Message(this.id, "thread.message", this.createdAt, this.threadId, this.status,
				this.incompleteDetails, this.completedAt, this.incompleteAt, this.role, content, this.assistantId,
				this.runId, this.attachments, this.metadata);
	}

}
