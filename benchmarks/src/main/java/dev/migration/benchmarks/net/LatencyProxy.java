package dev.migration.benchmarks.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A TCP proxy on an ephemeral loopback port that forwards every connection to one target and
 * holds each chunk, in each direction, for half the configured round trip before passing it on.
 *
 * <p>Each direction of each connection has a reader, which stamps every chunk it reads with the
 * time it is due, and a writer, which passes the chunks on in order once due: a chunk waits for
 * its own due time only, never for the chunks before it to be written, so a long transfer is
 * delayed once, not once per chunk.
 */
public final class LatencyProxy implements AutoCloseable {

	private static final int CHUNK = 64 * 1024;

	/** Parking wakes up late by tens of microseconds or more: the last stretch of a delay is spun instead. */
	private static final long SPIN_NANOS = 100_000;

	private final ServerSocket listener;

	private final InetSocketAddress target;

	private final long halfTripNanos;

	private final Set<Link> links = ConcurrentHashMap.newKeySet();

	private final AtomicInteger connections = new AtomicInteger();

	private final AtomicLong clientChunks = new AtomicLong();

	private final AtomicLong clientBytes = new AtomicLong();

	private final AtomicLong serverChunks = new AtomicLong();

	private final AtomicLong serverBytes = new AtomicLong();

	private final AtomicLong turns = new AtomicLong();

	private final Thread acceptor;

	private volatile boolean closed;

	/**
	 * Starts listening on loopback and forwarding to {@code host:port}.
	 * @param host the target's host
	 * @param port the target's port
	 * @param roundTrip the delay a request and its response add together
	 * @throws IOException if no port could be opened
	 */
	public LatencyProxy(String host, int port, Duration roundTrip) throws IOException {
		this.target = new InetSocketAddress(host, port);
		this.halfTripNanos = roundTrip.toNanos() / 2;
		this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		this.acceptor = new Thread(this::accept, "latency-proxy-" + this.listener.getLocalPort());
		this.acceptor.setDaemon(true);
		this.acceptor.start();
	}

	/** The loopback port clients connect to. */
	public int port() {
		return this.listener.getLocalPort();
	}

	/** What the proxy has forwarded so far, over all its connections. */
	public Traffic traffic() {
		return new Traffic(this.connections.get(), this.turns.get(), this.clientChunks.get(), this.clientBytes.get(),
				this.serverChunks.get(), this.serverBytes.get());
	}

	@Override
	public void close() throws IOException {
		this.closed = true;
		this.listener.close();
		for (Link link : this.links) {
			link.close();
		}
	}

	private void accept() {
		while (!this.closed) {
			try {
				Socket client = this.listener.accept();
				open(client);
			}
			catch (IOException ex) {
				if (!this.closed) {
					System.err.println("latency proxy: " + ex.getMessage());
				}
			}
		}
	}

	private void open(Socket client) throws IOException {
		Socket server = new Socket();
		try {
			server.connect(this.target);
		}
		catch (IOException ex) {
			client.close();
			throw ex;
		}
		// the delay is the proxy's to add: Nagle's algorithm would add its own on small writes
		client.setTcpNoDelay(true);
		server.setTcpNoDelay(true);
		this.connections.incrementAndGet();
		Link link = new Link(client, server);
		this.links.add(link);
		link.start();
	}

	/**
	 * Counts of what went through the proxy; subtract two to see what happened between them.
	 *
	 * @param connections connections accepted
	 * @param turns chunks from a client that followed something from the server on the same
	 * connection (or opened it): one per round trip the client waited for, give or take a flush
	 * @param clientChunks chunks read from clients
	 * @param clientBytes bytes read from clients
	 * @param serverChunks chunks read from the target
	 * @param serverBytes bytes read from the target
	 */
	public record Traffic(long connections, long turns, long clientChunks, long clientBytes, long serverChunks,
			long serverBytes) {

		/** What went through between {@code earlier} and this. */
		public Traffic minus(Traffic earlier) {
			return new Traffic(this.connections - earlier.connections, this.turns - earlier.turns,
					this.clientChunks - earlier.clientChunks, this.clientBytes - earlier.clientBytes,
					this.serverChunks - earlier.serverChunks, this.serverBytes - earlier.serverBytes);
		}

	}

	/** A chunk read and the time it may be written; an empty one marks the end of its direction. */
	private record Chunk(byte[] bytes, long due) {
	}

	/** One client connection and its connection to the target, with a reader and a writer per direction. */
	private final class Link {

		private final Socket client;

		private final Socket server;

		/** Whether the server has sent something since the client's last chunk: the client's next one is a new turn. */
		private final AtomicBoolean serverSpoke = new AtomicBoolean(true);

		private final AtomicInteger directionsDone = new AtomicInteger();

		private final AtomicBoolean closed = new AtomicBoolean();

		private final BlockingQueue<Chunk> toServer = new LinkedBlockingQueue<>();

		private final BlockingQueue<Chunk> toClient = new LinkedBlockingQueue<>();

		Link(Socket client, Socket server) {
			this.client = client;
			this.server = server;
		}

		void start() throws IOException {
			String name = "latency-proxy-" + this.client.getPort();
			thread(name + "-read-client", () -> read(this.client.getInputStream(), this.toServer, true));
			thread(name + "-write-server", () -> write(this.toServer, this.server));
			thread(name + "-read-server", () -> read(this.server.getInputStream(), this.toClient, false));
			thread(name + "-write-client", () -> write(this.toClient, this.client));
		}

		private void thread(String name, IoTask task) {
			Thread thread = new Thread(() -> {
				try {
					task.run();
				}
				catch (IOException | InterruptedException ex) {
					// one side went away or the proxy closed: the other side must not wait for more
					close();
				}
			}, name);
			thread.setDaemon(true);
			thread.start();
		}

		private void read(InputStream in, BlockingQueue<Chunk> queue, boolean fromClient) throws IOException {
			byte[] buffer = new byte[CHUNK];
			int read;
			while ((read = in.read(buffer)) >= 0) {
				long due = System.nanoTime() + LatencyProxy.this.halfTripNanos;
				count(read, fromClient);
				queue.add(new Chunk(Arrays.copyOf(buffer, read), due));
			}
			queue.add(new Chunk(new byte[0], System.nanoTime() + LatencyProxy.this.halfTripNanos));
		}

		private void count(int read, boolean fromClient) {
			if (fromClient) {
				LatencyProxy.this.clientChunks.incrementAndGet();
				LatencyProxy.this.clientBytes.addAndGet(read);
				if (this.serverSpoke.getAndSet(false)) {
					LatencyProxy.this.turns.incrementAndGet();
				}
			}
			else {
				LatencyProxy.this.serverChunks.incrementAndGet();
				LatencyProxy.this.serverBytes.addAndGet(read);
				this.serverSpoke.set(true);
			}
		}

		private void write(BlockingQueue<Chunk> queue, Socket to) throws IOException, InterruptedException {
			OutputStream out = to.getOutputStream();
			while (true) {
				Chunk chunk = queue.take();
				waitUntil(chunk.due());
				if (chunk.bytes().length == 0) {
					break;
				}
				out.write(chunk.bytes());
				out.flush();
			}
			// pass the end on as a half close, so that what the other direction still carries arrives
			if (!to.isClosed()) {
				to.shutdownOutput();
			}
			if (this.directionsDone.incrementAndGet() == 2) {
				close();
			}
		}

		private void waitUntil(long due) throws InterruptedException {
			long left;
			while ((left = due - System.nanoTime()) > 0) {
				if (left > SPIN_NANOS) {
					LockSupport.parkNanos(left - SPIN_NANOS);
				}
				else {
					Thread.onSpinWait();
				}
				if (Thread.interrupted()) {
					throw new InterruptedException();
				}
			}
		}

		void close() {
			if (!this.closed.compareAndSet(false, true)) {
				return;
			}
			LatencyProxy.this.links.remove(this);
			closeQuietly(this.client);
			closeQuietly(this.server);
			// wakes writers waiting for a chunk; the ones writing fail on the closed socket
			this.toServer.add(new Chunk(new byte[0], 0));
			this.toClient.add(new Chunk(new byte[0], 0));
		}

		private void closeQuietly(Socket socket) {
			try {
				socket.close();
			}
			catch (IOException ex) {
				// closing anyway; nothing is left to save
			}
		}

	}

	/** A reader's or a writer's loop. */
	@FunctionalInterface
	private interface IoTask {

		void run() throws IOException, InterruptedException;

	}

}
