package dev.optlab.diff;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Just enough of the class file format for {@link Codegen}: a public final class with a
 * no-argument constructor and public methods of straight-line code (no branches, so no stack
 * map frames), doubles in the constant pool, static calls.
 */
final class ClassFile {
  private final Pool pool = new Pool();
  private final String name;
  private final String iface;

  /** A class {@code name} (internal form) implementing the interface {@code iface}. */
  ClassFile(String name, String iface) {
    this.name = name;
    this.iface = iface;
  }

  /** A new method body whose constants go to this class's pool. */
  Code code() {
    return new Code();
  }

  /** The class file with a constructor and {@code methods}. */
  byte[] assemble(Method... extra) throws IOException {
    int self = pool.classRef(name);
    int object = pool.classRef("java/lang/Object");
    int ifaceRef = pool.classRef(iface);
    int objectInit = pool.methodRef("java/lang/Object", "<init>", "()V");
    int codeName = pool.utf8("Code");
    Method init = new Method("<init>", "()V", 1, 1,
        new byte[] {0x2a, (byte) 0xb7, (byte) (objectInit >> 8), (byte) objectInit,
            (byte) 0xb1});
    Method[] methods = new Method[extra.length + 1];
    methods[0] = init;
    System.arraycopy(extra, 0, methods, 1, extra.length);
    for (Method m : methods) {
      m.nameIndex = pool.utf8(m.name);
      m.descIndex = pool.utf8(m.desc);
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeInt(0xCAFEBABE);
    out.writeShort(0);
    out.writeShort(61); // Java 17: no branches, so no stack map frames are needed
    pool.write(out);
    out.writeShort(0x0001 | 0x0010 | 0x0020); // public final super
    out.writeShort(self);
    out.writeShort(object);
    out.writeShort(1);
    out.writeShort(ifaceRef);
    out.writeShort(0); // fields
    out.writeShort(methods.length);
    for (Method m : methods) {
      out.writeShort(0x0001); // public
      out.writeShort(m.nameIndex);
      out.writeShort(m.descIndex);
      out.writeShort(1);
      out.writeShort(codeName);
      out.writeInt(12 + m.code.length);
      out.writeShort(m.maxStack);
      out.writeShort(m.maxLocals);
      out.writeInt(m.code.length);
      out.write(m.code);
      out.writeShort(0); // exception table
      out.writeShort(0); // attributes
    }
    out.writeShort(0); // class attributes
    out.flush();
    return bytes.toByteArray();
  }

  /** A public method: name, descriptor, limits and bytecode. */
  static final class Method {
    final String name;
    final String desc;
    final int maxStack;
    final int maxLocals;
    final byte[] code;
    int nameIndex;
    int descIndex;

    Method(String name, String desc, int maxStack, int maxLocals, byte[] code) {
      this.name = name;
      this.desc = desc;
      this.maxStack = maxStack;
      this.maxLocals = maxLocals;
      this.code = code;
    }
  }

  /** A method body being written. */
  final class Code {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    void op(int opcode) {
      out.write(opcode);
    }

    private void u2(int v) {
      out.write(v >> 8);
      out.write(v);
    }

    void dload(int local) {
      wideLocal(0x18, local);
    }

    void dstore(int local) {
      wideLocal(0x39, local);
    }

    private void wideLocal(int opcode, int local) {
      if (local > 0xffff - 1) {
        throw new IllegalStateException("too many locals");
      }
      if (local <= 0xff) {
        op(opcode);
        out.write(local);
      } else {
        op(0xc4); // wide
        op(opcode);
        u2(local);
      }
    }

    void aload(int local) {
      op(0x2a + local); // aload_0..aload_3
    }

    void iconst(int v) {
      if (v <= 5) {
        op(0x03 + v);
      } else if (v <= 127) {
        op(0x10);
        out.write(v);
      } else {
        op(0x11);
        u2(v);
      }
    }

    void dconst(double v) {
      if (Double.doubleToRawLongBits(v) == 0L) {
        op(0x0e);
      } else if (v == 1.0) {
        op(0x0f);
      } else {
        ldc(v);
      }
    }

    void ldc(double v) {
      op(0x14); // ldc2_w
      u2(pool.doubleConst(v));
    }

    void invokestatic(String owner, String name, String desc) {
      op(0xb8);
      u2(pool.methodRef(owner, name, desc));
    }

    int size() {
      return out.size();
    }

    byte[] bytes() {
      return out.toByteArray();
    }
  }

  /** The constant pool. */
  private static final class Pool {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final DataOutputStream out = new DataOutputStream(bytes);
    private final Map<String, Integer> index = new HashMap<>();
    private int next = 1;

    int utf8(String s) {
      return entry("U" + s, () -> {
        out.writeByte(1);
        out.writeUTF(s);
      }, 1);
    }

    int classRef(String internalName) {
      int name = utf8(internalName);
      return entry("C" + internalName, () -> {
        out.writeByte(7);
        out.writeShort(name);
      }, 1);
    }

    int methodRef(String owner, String name, String desc) {
      int cls = classRef(owner);
      int n = utf8(name);
      int d = utf8(desc);
      int nat = entry("N" + name + ":" + desc, () -> {
        out.writeByte(12);
        out.writeShort(n);
        out.writeShort(d);
      }, 1);
      return entry("M" + owner + "." + name + desc, () -> {
        out.writeByte(10);
        out.writeShort(cls);
        out.writeShort(nat);
      }, 1);
    }

    int doubleConst(double v) {
      long bits = Double.doubleToRawLongBits(v);
      return entry("D" + bits, () -> {
        out.writeByte(6);
        out.writeLong(bits);
      }, 2);
    }

    private interface Writer {
      void write() throws IOException;
    }

    private int entry(String key, Writer w, int width) {
      Integer i = index.get(key);
      if (i != null) {
        return i;
      }
      try {
        w.write();
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
      int at = next;
      next += width;
      if (next > 0xffff) {
        throw new IllegalStateException("constant pool full");
      }
      index.put(key, at);
      return at;
    }

    void write(DataOutputStream dest) throws IOException {
      dest.writeShort(next);
      out.flush();
      bytes.writeTo(dest);
    }
  }
}
