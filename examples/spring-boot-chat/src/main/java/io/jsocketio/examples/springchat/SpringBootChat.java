package io.jsocketio.examples.springchat;

import io.jsocketio.Server;
import io.jsocketio.examples.chat.ChatApp;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The chat on Spring Boot: the starter puts Socket.IO on the application's port (3000 unless {@code
 * PORT} is set), the page of {@code examples/chat} is served as static resources, and the chat's
 * namespace logic ({@link ChatApp}) is installed on the auto-configured {@link Server}.
 *
 * <p>Thread-safety: a configuration class; Spring calls it on one thread at start-up.
 */
@SpringBootApplication
public class SpringBootChat {

    /** Installs the chat's connection handlers on the server bean. */
    @Bean
    ChatInstalled chat(Server io) {
        ChatApp.install(io);
        return new ChatInstalled();
    }

    /** Marks that the chat is installed. */
    record ChatInstalled() {}

    /** Runs the chat until stopped. */
    public static void main(String[] args) {
        SpringApplication.run(SpringBootChat.class, args);
    }
}
