package dev.assistants4j.model.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

import dev.assistants4j.model.MetadataBuilder;

/**
 * Request to create a message, in an existing thread or with a new one. Only the values that were set are
 * sent.
 *
 * @param role who writes the message: {@link MessageRole#USER}, or {@link MessageRole#ASSISTANT} to insert
 * the assistant's words
 * @param content the text or the parts of the message
 * @param attachments files to attach, and the tools to add them to
 * @param metadata up to 16 key-value pairs
 */
public record CreateMessageRequest(MessageRole role, Content content, @Nullable List<Attachment> attachments,
		@Nullable Map<String, String> metadata) {

	/**
	 * Validates the request.
	 * @throws IllegalArgumentException if {@code role} or {@code content} is missing
	 */
	public CreateMessageRequest {
		Assert.notNull(role, "'role' must not be null");
		Assert.notNull(content, "'content' must not be null");
	}

	/**
	 * A message from the user with the given text.
	 * @param text the text
	 * @return the request
	 */
	public static CreateMessageRequest user(String text) {
		return builder(MessageRole.USER).content(text).build();
	}

	/**
	 * A message from the assistant with the given text, to insert the assistant's words into a thread.
	 * @param text the text
	 * @return the request
	 */
	public static CreateMessageRequest assistant(String text) {
		return builder(MessageRole.ASSISTANT).content(text).build();
	}

	/**
	 * Starts a request for a message written by the given role.
	 * @param role who writes the message
	 * @return a new builder
	 */
	public static Builder builder(MessageRole role) {
		return new Builder().role(role);
	}

	/**
	 * The content of a new message: a bare string of text, or an array of parts.
	 */
	public sealed interface Content permits Content.Text, Content.Parts {

		/**
		 * Text content, sent as a bare JSON string.
		 * @param text the text
		 * @return the content
		 */
		static Text of(String text) {
			return new Text(text);
		}

		/**
		 * Content made of parts, sent as a JSON array.
		 * @param parts text and image parts, at least one
		 * @return the content
		 */
		static Parts of(List<? extends InputPart> parts) {
			Assert.notNull(parts, "'parts' must not be null");
			return new Parts(new ArrayList<>(parts));
		}

		/**
		 * Text content, sent as a bare JSON string.
		 *
		 * @param text the text
		 */
		record Text(@JsonValue String text) implements Content {

			/**
			 * Validates the text.
			 * @throws IllegalArgumentException if {@code text} is {@code null}
			 */
			public Text {
				Assert.notNull(text, "'text' must not be null");
			}

		}

		/**
		 * Content made of parts, sent as a JSON array.
		 *
		 * @param parts text and image parts, at least one
		 */
		record Parts(@JsonValue List<InputPart> parts) implements Content {

			/**
			 * Validates the parts.
			 * @throws IllegalArgumentException if {@code parts} is empty or holds {@code null}
			 */
			public Parts {
				Assert.notEmpty(parts, "'parts' must not be empty");
				Assert.noNullElements(parts, "'parts' must not contain null elements");
				parts = List.copyOf(parts);
			}

		}

	}

	/**
	 * Builder of {@link CreateMessageRequest}.
	 */
	public static final class Builder extends MetadataBuilder<Builder> {

		private @Nullable MessageRole role;

		private @Nullable String text;

		private @Nullable List<InputPart> parts;

		private @Nullable List<Attachment> attachments;

		private Builder() {
		}

		/**
		 * Sets {@code role}.
		 * @param role who writes the message
		 * @return this builder
		 */
		public Builder role(MessageRole role) {
			Assert.notNull(role, "'role' must not be null");
			this.role = role;
			return this;
		}

		/**
		 * Sets the content to a bare string of text, replacing any content set before.
		 * @param text the text
		 * @return this builder
		 */
		public Builder content(String text) {
			Assert.notNull(text, "'text' must not be null");
			this.text = text;
			this.parts = null;
			return this;
		}

		/**
		 * Sets the content to the given parts, replacing any content set before.
		 * @param parts text and image parts
		 * @return this builder
		 */
		public Builder content(List<? extends InputPart> parts) {
			Assert.notNull(parts, "'parts' must not be null");
			this.text = null;
			this.parts = new ArrayList<>(parts);
			return this;
		}

		/**
		 * Adds a part to the content. Text set before with {@link #content(String)} becomes the first part.
		 * @param part a text or image part, such as {@link InputPart#imageFile(String)}
		 * @return this builder
		 */
		public Builder addContent(InputPart part) {
			Assert.notNull(part, "'part' must not be null");
			if (this.parts == null) {
				this.parts = new ArrayList<>();
			}
			if (this.text != null) {
				this.parts.add(InputPart.text(this.text));
				this.text = null;
			}
			this.parts.add(part);
			return this;
		}

		/**
		 * Sets the attachments, replacing any set before.
		 * @param attachments files to attach
		 * @return this builder
		 */
		public Builder attachments(List<Attachment> attachments) {
			Assert.notNull(attachments, "'attachments' must not be null");
			this.attachments = new ArrayList<>(attachments);
			return this;
		}

		/**
		 * Adds an attachment.
		 * @param attachment a file to attach, such as {@code Attachment.of(fileId, Tool.fileSearch())}
		 * @return this builder
		 */
		public Builder addAttachment(Attachment attachment) {
			Assert.notNull(attachment, "'attachment' must not be null");
			if (this.attachments == null) {
				this.attachments = new ArrayList<>();
			}
			this.attachments.add(attachment);
			return this;
		}

		/**
		 * Builds the request.
		 * @return the request
		 * @throws IllegalArgumentException if the role or the content is missing
		 */
		public CreateMessageRequest build() {
			Assert.isTrue(this.text != null || this.parts != null, "'content' must be set");
			Content content = (this.parts != null) ? Content.of(this.parts) : Content.of(this.text);
			return new CreateMessageRequest(this.role, content,
					(this.attachments != null) ? List.copyOf(this.attachments) : null, buildMetadata());
		}

	}

}
