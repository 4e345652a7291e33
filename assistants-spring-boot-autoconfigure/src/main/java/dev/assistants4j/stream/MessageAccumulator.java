package dev.assistants4j.stream;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

import dev.assistants4j.model.message.FileCitationAnnotation;
import dev.assistants4j.model.message.FilePathAnnotation;
import dev.assistants4j.model.message.ImageFileContent;
import dev.assistants4j.model.message.ImageUrlContent;
import dev.assistants4j.model.message.Message;
import dev.assistants4j.model.message.MessageContent;
import dev.assistants4j.model.message.MessageContentDelta;
import dev.assistants4j.model.message.MessageDelta;
import dev.assistants4j.model.message.MessageRole;
import dev.assistants4j.model.message.RefusalContent;
import dev.assistants4j.model.message.TextAnnotation;
import dev.assistants4j.model.message.TextAnnotationDelta;
import dev.assistants4j.model.message.TextContent;

import static dev.assistants4j.stream.DeltaMerging.append;
import static dev.assistants4j.stream.DeltaMerging.indexOf;
import static dev.assistants4j.stream.DeltaMerging.joined;
import static dev.assistants4j.stream.DeltaMerging.latest;
import static dev.assistants4j.stream.DeltaMerging.string;

/**
 * One message as the events of a stream build it: the latest snapshot of the whole message, and its content
 * parts by index, which deltas grow. A part of a snapshot replaces the part accumulated at its index, so that
 * a {@code thread.message.completed} wins over the deltas; a part the snapshot lacks is kept, so that a
 * snapshot sent without content never erases text. Not thread-safe.
 */
final class MessageAccumulator {

	private Message message;

	private @Nullable MessageRole role;

	private final SortedMap<Integer, Part> parts = new TreeMap<>();

	MessageAccumulator(@Nullable String id) {
		this.message = new Message(id, "thread.message", null, null, null, null, null, null, null, null, null, null,
				null, null);
	}

	void snapshot(Message message) {
		this.message = message;
		List<MessageContent> content = message.content();
		for (int index = 0; index < content.size(); index++) {
			this.parts.put(index, Part.of(content.get(index)));
		}
	}

	void delta(MessageDelta.Delta delta) {
		this.role = latest(delta.role(), this.role);
		for (MessageContentDelta part : delta.content()) {
			this.parts.compute(indexOf(part.index()), (index, current) -> merge(current, part));
		}
	}

	Message message() {
		Message m = this.message;
		List<MessageContent> content = this.parts.values().stream().map(Part::content).toList();
		return new Message(m.id(), m.object(), m.createdAt(), m.threadId(), m.status(), m.incompleteDetails(),
				m.completedAt(), m.incompleteAt(), latest(m.role(), this.role), content, m.assistantId(), m.runId(),
				m.attachments(), m.metadata());
	}

	private static @Nullable Part merge(@Nullable Part current, MessageContentDelta delta) {
		if (delta instanceof MessageContentDelta.Text text) {
			TextPart part = (current instanceof TextPart textPart) ? textPart : new TextPart(null);
			part.add(text.text());
			return part;
		}
		if (delta instanceof MessageContentDelta.Refusal refusal) {
			String before = (current instanceof FixedPart fixed && fixed.content() instanceof RefusalContent content)
					? content.refusal() : null;
			return new FixedPart(new RefusalContent(joined(before, refusal.refusal())));
		}
		if (delta instanceof MessageContentDelta.ImageFile image) {
			return new FixedPart(new ImageFileContent(image.imageFile()));
		}
		if (delta instanceof MessageContentDelta.ImageUrl image) {
			return new FixedPart(new ImageUrlContent(image.imageUrl()));
		}
		// A part of an unknown type cannot be grown without knowing how: the message's last snapshot brings it.
		return current;
	}

	/**
	 * A content part being built.
	 */
	private interface Part {

		MessageContent content();

		static Part of(MessageContent content) {
			return (content instanceof TextContent text) ? new TextPart(text.text()) : new FixedPart(content);
		}

	}

	/**
	 * A part that deltas replace whole: an image, a refusal, a part of an unknown type.
	 */
	private record FixedPart(MessageContent content) implements Part {
	}

	/**
	 * A text part: its value grown piece by piece, its annotations merged by index.
	 */
	private static final class TextPart implements Part {

		private @Nullable StringBuilder value;

		private final SortedMap<Integer, TextAnnotation> annotations = new TreeMap<>();

		TextPart(TextContent.@Nullable Text text) {
			if (text != null) {
				this.value = append(null, text.value());
				for (int index = 0; index < text.annotations().size(); index++) {
					this.annotations.put(index, text.annotations().get(index));
				}
			}
		}

		void add(MessageContentDelta.@Nullable TextDelta text) {
			if (text == null) {
				return;
			}
			this.value = append(this.value, text.value());
			for (TextAnnotationDelta annotation : text.annotations()) {
				this.annotations.compute(indexOf(annotation.index()), (index, current) -> merge(current, annotation));
			}
		}

		@Override
		public MessageContent content() {
			return new TextContent(new TextContent.Text(string(this.value), List.copyOf(this.annotations.values())));
		}

		/**
		 * Merges an annotation field by field: a field the delta sends replaces the one before, a field it
		 * leaves out is kept; the annotation's text is replaced, never appended.
		 */
		private static @Nullable TextAnnotation merge(@Nullable TextAnnotation current, TextAnnotationDelta delta) {
			if (delta instanceof TextAnnotationDelta.FileCitation citation) {
				FileCitationAnnotation before = (current instanceof FileCitationAnnotation annotation) ? annotation
						: null;
				return new FileCitationAnnotation(latest(citation.text(), before, FileCitationAnnotation::text),
						latest(citation.fileCitation(), before, FileCitationAnnotation::fileCitation),
						latest(citation.startIndex(), before, FileCitationAnnotation::startIndex),
						latest(citation.endIndex(), before, FileCitationAnnotation::endIndex));
			}
			if (delta instanceof TextAnnotationDelta.FilePath path) {
				FilePathAnnotation before = (current instanceof FilePathAnnotation annotation) ? annotation : null;
				return new FilePathAnnotation(latest(path.text(), before, FilePathAnnotation::text),
						latest(path.filePath(), before, FilePathAnnotation::filePath),
						latest(path.startIndex(), before, FilePathAnnotation::startIndex),
						latest(path.endIndex(), before, FilePathAnnotation::endIndex));
			}
			return current;
		}

	}

}
