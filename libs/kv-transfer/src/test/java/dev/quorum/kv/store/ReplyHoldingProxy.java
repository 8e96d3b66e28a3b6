// SPDX-License-Identifier: Apache-2.0
package dev.quorum.kv.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A TCP proxy in front of Redis that, once {@linkplain #hold armed}, withholds every
 * reply until the client has sent a given number of commands of one name. A client that
 * pipelines those commands gets its replies; one that waits for a reply before sending
 * the next command never does. Commands are counted by parsing the client's RESP arrays.
 */
final class ReplyHoldingProxy implements AutoCloseable {

	private final ServerSocket server;

	private final String redisHost;

	private final int redisPort;

	private final List<Socket> sockets = new ArrayList<>();

	private String command;

	private int wanted;

	private int seen;

	ReplyHoldingProxy(String redisHost, int redisPort) {
		this.redisHost = redisHost;
		this.redisPort = redisPort;
		try {
			this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		daemon("proxy-accept", this::accept);
	}

	int port() {
		return this.server.getLocalPort();
	}

	/**
	 * From now on, holds replies until {@code count} commands named {@code name} arrived.
	 */
	synchronized void hold(String name, int count) {
		this.command = name;
		this.wanted = count;
		this.seen = 0;
	}

	/** Lets every reply through again. */
	synchronized void release() {
		this.command = null;
		notifyAll();
	}

	private synchronized void counted(String name) {
		if (this.command != null && this.command.equalsIgnoreCase(name)) {
			this.seen++;
			if (this.seen >= this.wanted) {
				release();
			}
		}
	}

	private synchronized void awaitRelease() throws InterruptedException {
		while (this.command != null) {
			wait();
		}
	}

	private void accept() {
		try {
			while (true) {
				Socket client = this.server.accept();
				Socket redis = new Socket(this.redisHost, this.redisPort);
				synchronized (this.sockets) {
					this.sockets.add(client);
					this.sockets.add(redis);
				}
				daemon("proxy-up", () -> pumpCommands(client, redis));
				daemon("proxy-down", () -> pumpReplies(redis, client));
			}
		}
		catch (IOException ex) {
			// closed
		}
	}

	private void pumpCommands(Socket client, Socket redis) {
		RespCommands parser = new RespCommands(this::counted);
		byte[] buffer = new byte[64 * 1024];
		try (InputStream in = client.getInputStream(); OutputStream out = redis.getOutputStream()) {
			for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
				out.write(buffer, 0, n);
				out.flush();
				parser.feed(buffer, n);
			}
		}
		catch (IOException ex) {
			// connection closed
		}
	}

	private void pumpReplies(Socket redis, Socket client) {
		byte[] buffer = new byte[64 * 1024];
		try (InputStream in = redis.getInputStream(); OutputStream out = client.getOutputStream()) {
			for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
				awaitRelease();
				out.write(buffer, 0, n);
				out.flush();
			}
		}
		catch (IOException | InterruptedException ex) {
			// connection closed
		}
	}

	private static void daemon(String name, Runnable task) {
		Thread thread = new Thread(task, name);
		thread.setDaemon(true);
		thread.start();
	}

	@Override
	public void close() {
		release();
		try {
			this.server.close();
			synchronized (this.sockets) {
				for (Socket socket : this.sockets) {
					socket.close();
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Splits a client's byte stream into RESP commands (arrays of bulk strings) and
	 * reports each command's name.
	 */
	static final class RespCommands {

		private final Consumer<String> onCommand;

		private final StringBuilder line = new StringBuilder();

		private int elementsLeft;

		private long bulkLeft = -1;

		private boolean first;

		private final StringBuilder name = new StringBuilder();

		RespCommands(Consumer<String> onCommand) {
			this.onCommand = onCommand;
		}

		void feed(byte[] bytes, int length) {
			for (int i = 0; i < length; i++) {
				byte b = bytes[i];
				if (this.bulkLeft >= 0) {
					// Inside a bulk string: its payload, then CRLF. Only the command name
					// (the first element) is kept.
					if (this.bulkLeft > 2 && this.first) {
						this.name.append((char) b);
					}
					this.bulkLeft--;
					if (this.bulkLeft == 0) {
						this.bulkLeft = -1;
						this.first = false;
						if (--this.elementsLeft == 0) {
							this.onCommand.accept(this.name.toString());
						}
					}
					continue;
				}
				if (b != '\n') {
					this.line.append((char) b);
					continue;
				}
				String header = this.line.toString().strip();
				this.line.setLength(0);
				if (header.startsWith("*")) {
					this.elementsLeft = Integer.parseInt(header.substring(1));
					this.first = true;
					this.name.setLength(0);
				}
				else if (header.startsWith("$")) {
					this.bulkLeft = Long.parseLong(header.substring(1)) + 2;
				}
			}
		}

	}

}
