namespace Dodo.Engine.CallTrees;

/// <summary>
/// The built-in alias rows, transcribed from go-frame-normalization.md §3 (architecture),
/// §4 (operating system) and §5 (Go version). New rows need no code change: add a line.
/// </summary>
internal static class FrameAliasCatalog
{
    public const string Rows = """
        # set      from                                       to
        # §3.1 internal/bytealg entry points and file-local assembly bodies
        arch       indexbytebody                              internal/bytealg.IndexByte
        arch       internal/bytealg.IndexByteString           internal/bytealg.IndexByte
        arch       indexbody                                  internal/bytealg.Index
        arch       internal/bytealg.IndexString               internal/bytealg.Index
        arch       countbody                                  internal/bytealg.Count
        arch       countbytebody                              internal/bytealg.Count
        arch       internal/bytealg.CountString               internal/bytealg.Count
        arch       internal/bytealg.countGeneric              internal/bytealg.Count
        arch       internal/bytealg.countGenericString        internal/bytealg.Count
        arch       cmpbody                                    internal/bytealg.Compare
        arch       runtime.cmpstring                          internal/bytealg.Compare
        arch       memeqbody                                  runtime.memequal
        arch       runtime.memequal_varlen                    runtime.memequal
        # §3.2 hashing: AES bodies and the fallbacks used without crypto extensions
        arch       aeshashbody                                runtime.memhash
        arch       runtime.memhashFallback                    runtime.memhash
        arch       runtime.strhashFallback                    runtime.memhash
        arch       runtime.memhash32Fallback                  runtime.memhash32
        arch       runtime.memhash64Fallback                  runtime.memhash64
        arch       runtime.aeshash                            runtime.memhash
        arch       runtime.aeshashstr                         runtime.memhash
        arch       runtime.aeshash32                          runtime.memhash32
        arch       runtime.aeshash64                          runtime.memhash64
        # §3.3 the compiler picks Duff's device or a call by size and architecture
        arch       runtime.duffcopy                           runtime.memmove
        arch       runtime.duffzero                           runtime.memclrNoHeapPointers
        # §3.4 write barriers, stack growth, cgo entry
        arch       gcWriteBarrier                             runtime.gcWriteBarrier
        arch       ^runtime\.gcWriteBarrier(CX|DX|BX|BP|SI|R8|R9|[1-8])$ runtime.gcWriteBarrier
        arch       runtime.morestack_noctxt                   runtime.morestack
        arch       runtime.newstack                           runtime.morestack
        arch       runtime.asmcgocall                         runtime.cgocall
        arch       runtime.asmcgocall_no_g                    runtime.cgocall
        # §3.5 crypto and checksum kernels behind arch-neutral Go wrappers
        arch       ^(crypto/(internal/fips140/)?(sha1|sha256|sha512|md5))\.block[A-Za-z0-9]*$  $1.block
        arch       ^(crypto/(internal/fips140/)?sha(1|256|512))\.sha(1|256|512)block$ $1.block
        arch       hash/crc32.castagnoliSSE42                 hash/crc32.archUpdateCastagnoli
        arch       hash/crc32.castagnoliSSE42Triple           hash/crc32.archUpdateCastagnoli
        arch       hash/crc32.castagnoliUpdate                hash/crc32.archUpdateCastagnoli
        arch       hash/crc32.ieeeCLMUL                       hash/crc32.archUpdateIEEE
        arch       hash/crc32.ieeeCLMULAvx512                 hash/crc32.archUpdateIEEE
        arch       hash/crc32.ieeeUpdate                      hash/crc32.archUpdateIEEE
        # §4 raw system-call entries: linux names, then darwin's libc-backed names
        os         syscall.Syscall6                           syscall.Syscall
        os         syscall.RawSyscall                         syscall.Syscall
        os         syscall.RawSyscall6                        syscall.Syscall
        os         internal/runtime/syscall.Syscall6          syscall.Syscall
        os         runtime/internal/syscall.Syscall6          syscall.Syscall
        os         syscall.syscall                            syscall.Syscall
        os         syscall.syscall6                           syscall.Syscall
        os         syscall.syscall6X                          syscall.Syscall
        os         syscall.rawSyscall                         syscall.Syscall
        os         syscall.rawSyscall6                        syscall.Syscall
        # §5 renames between Go versions (older -> newer, except the FIPS block kernels)
        goversion  ^runtime/internal/(.+)$                    internal/runtime/$1
        goversion  ^type\.\.(eq|hash)\.(.+)$                  type:.$1.$2
        goversion  runtime.findrunnable                       runtime.findRunnable
        goversion  math/big.shlVU                             math/big.lshVU
        goversion  math/big.shrVU                             math/big.rshVU
        goversion  math/big.addMulVVW                         math/big.addMulVVWW
        goversion  ^crypto/internal/fips140/(sha1|sha256|sha512|md5)\.block$ crypto/$1.block
        """;
}
